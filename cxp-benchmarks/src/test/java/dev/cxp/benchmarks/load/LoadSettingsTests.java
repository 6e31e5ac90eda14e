package dev.cxp.benchmarks.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LoadSettings}.
 */
class LoadSettingsTests {

	@Test
	void pairedRoundsWithArgumentsForTheStarterJvms() throws Exception {
		LoadSettings settings = LoadSettings.parse(new String[] { "--app=user", "--paired",
				"--starter-args=--cxp.tracking.exclude-patterns=/**,--cxp.consent.required=false" });
		assertThat(settings.paired()).isTrue();
		assertThat(settings.simultaneous()).isFalse();
		assertThat(settings.startTogether()).isFalse();
		assertThat(settings.starterArguments()).containsExactly("--cxp.tracking.exclude-patterns=/**",
				"--cxp.consent.required=false");
	}

	@Test
	void byDefaultJvmsStartOneAtATimeWithNoMoreArguments() throws Exception {
		LoadSettings settings = LoadSettings.parse(new String[] { "--app=user" });
		assertThat(settings.startTogether()).isFalse();
		assertThat(settings.starterArguments()).isEmpty();
		assertThat(settings.jvmOptions()).isEmpty();
		assertThat(LoadSettings.parse(new String[] { "--app=user", "--start-together" }).startTogether()).isTrue();
	}

	@Test
	void jvmOptionsAreGivenToEveryServerAlike() throws Exception {
		LoadSettings settings = LoadSettings.parse(new String[] { "--app=user", "--paired",
				"--jvm-args=-Xbatch,-XX:+AlwaysPreTouch", "--starter-args=--cxp.consent.required=false" });
		assertThat(settings.jvmOptions()).containsExactly("-Xbatch", "-XX:+AlwaysPreTouch");
		assertThat(settings.starterArguments()).containsExactly("--cxp.consent.required=false");
	}

	@Test
	void setsOfNewJvmsAreForPairedRoundsAndQuietSlicesOnly() throws Exception {
		assertThat(LoadSettings.parse(new String[] { "--app=user" }).sets()).isEqualTo(1);
		assertThat(LoadSettings.parse(new String[] { "--app=user", "--paired", "--sets=8" }).sets()).isEqualTo(8);
		assertThat(LoadSettings.parse(new String[] { "--app=user", "--quiet-slices", "--sets=3" }).sets()).isEqualTo(3);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoadSettings.parse(new String[] { "--app=user", "--sets=8" }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoadSettings.parse(new String[] { "--app=user", "--paired", "--sets=0" }));
	}

	@Test
	void pairedAndSimultaneousRoundsExcludeEachOther() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoadSettings.parse(new String[] { "--app=user", "--paired", "--simultaneous" }));
	}

	@Test
	void quietSlicesMoveTheStartersBasePathToTheQuietPages() throws Exception {
		LoadSettings settings = LoadSettings.parse(new String[] { "--app=user", "--quiet-slices",
				"--starter-args=--cxp.consent.required=false" });
		assertThat(settings.quietSlices()).isTrue();
		assertThat(settings.starterArguments()).containsExactly("--cxp.consent.required=false",
				"--cxp.web.base-path=/quiet");
		assertThat(AppShape.USER.quietPages()).allSatisfy((page) -> assertThat(page).startsWith("/quiet/"))
			.hasSameSizeAs(AppShape.USER.pages());
		assertThat(LoadSettings.parse(new String[] { "--app=user" }).quietSlices()).isFalse();
	}

	@Test
	void quietSlicesAreTheirOwnWayOfDrivingTheUserShapedApplication() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoadSettings.parse(new String[] { "--app=sample", "--quiet-slices" }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoadSettings.parse(new String[] { "--app=user", "--quiet-slices", "--paired" }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoadSettings.parse(new String[] { "--app=user", "--quiet-slices", "--simultaneous" }));
	}

}
