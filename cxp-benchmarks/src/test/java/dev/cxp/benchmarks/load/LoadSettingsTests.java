package dev.cxp.benchmarks.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LoadSettings}.
 */
class LoadSettingsTests {

	@Test
	void theDefaultsAreTheFullRunAndQuickIsAShortTrial() {
		assertThat(LoadSettings.parse(new String[0])).isEqualTo(new LoadSettings(6, 20, 60, 18081, 5));
		assertThat(LoadSettings.parse(new String[] { "--quick" })).isEqualTo(new LoadSettings(2, 5, 10, 18081, 5));
	}

	@Test
	void aNamedValueReplacesItsDefaultEvenInAQuickRun() {
		LoadSettings settings = LoadSettings.parse(new String[] { "--quick", "--rounds=4", "--base-port=19000",
				"--noise-floor=3" });
		assertThat(settings.rounds()).isEqualTo(4);
		assertThat(settings.roundSeconds()).isEqualTo(5);
		assertThat(settings.basePort()).isEqualTo(19000);
		assertThat(settings.noiseFloorPercent()).isEqualTo(3);
	}

	@Test
	void anArgumentTheComparisonDoesNotKnowIsRefusedRatherThanIgnored() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse(new String[] { "--paired" }))
			.withMessageContaining("--paired");
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse(new String[] { "--app=user" }));
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse(new String[] { "--connections=8" }));
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse(new String[] { "rounds=4" }));
	}

	@Test
	void valuesOutOfRangeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse(new String[] { "--rounds=0" }));
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse(new String[] { "--noise-floor=-1" }));
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse(new String[] { "--rounds=many" }));
	}

}
