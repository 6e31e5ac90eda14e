package dev.cxp.internal.consent;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConsentPurposes}.
 */
class ConsentPurposesTests {

	private final ConsentPurposes purposes = ConsentPurposes.of(List.of("analytics", "ads", "personalization"),
			"analytics");

	@Test
	void defaultsAreAnalyticsAlone() {
		assertThat(ConsentPurposes.defaults().names()).containsExactly("analytics");
		assertThat(ConsentPurposes.defaults().trackingPurpose()).isEqualTo("analytics");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Ads", "ad s", "ads.", "ads:", "ads~", "\u00e4", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "a,b", "a;b" })
	void invalidNamesAreRefusedNamingTheProperty(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentPurposes.of(List.of("analytics", name), "analytics"))
			.withMessageStartingWith("cxp.consent.purposes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "ad_user_data", "ad-storage", "p10", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" })
	void validNames(String name) {
		assertThat(ConsentPurposes.of(List.of(name), name).names()).containsExactly(name);
	}

	@Test
	void theTrackingPurposeMustBeConfigured() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentPurposes.of(List.of("ads"), "analytics"))
			.withMessageContaining("cxp.consent.tracking-purpose");
	}

	@Test
	void duplicatesEmptyListsAndTooManyPurposesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentPurposes.of(List.of("ads", "ads"), "ads"))
			.withMessageContaining("twice");
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentPurposes.of(Collections.emptyList(), "ads"))
			.withMessageContaining("at least one");
		List<String> many = IntStream.range(0, 17).mapToObj((i) -> "p" + i).toList();
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentPurposes.of(many, "p0"))
			.withMessageContaining("at most 16");
		assertThat(ConsentPurposes.of(many.subList(0, 16), "p0").size()).isEqualTo(16);
	}

	@Test
	void decisionNamesEveryPurposeAndTakesTheTrackingPurposeAsState() {
		ConsentDecision decision = this.purposes.decision(Map.of("ads", ConsentState.GRANTED), "tcf");
		assertThat(decision.state()).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(decision.state("ads")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("personalization")).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("tcf");
		assertThat(this.purposes.states(decision)).containsExactly(Map.entry("analytics", ConsentState.UNSPECIFIED),
				Map.entry("ads", ConsentState.GRANTED), Map.entry("personalization", ConsentState.UNSPECIFIED));
	}

	@Test
	void toStringShowsThePurposesInOrderAndTheTrackingPurpose() {
		assertThat(this.purposes).hasToString("[analytics, ads, personalization] (tracking: analytics)");
	}

	@Test
	void decisionRefusesUnknownPurposes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.purposes.decision(Map.of("marketing", ConsentState.GRANTED), "x"));
	}

	@Test
	void normalizeMakesTheStateTheTrackingPurposes() {
		ConsentDecision odd = new ConsentDecision(ConsentState.GRANTED, "own",
				Map.of("analytics", ConsentState.DENIED));
		ConsentDecision normal = this.purposes.normalize(odd);
		assertThat(normal.state()).isEqualTo(ConsentState.DENIED);
		assertThat(normal.state("analytics")).isEqualTo(ConsentState.DENIED);
		assertThat(normal.state("ads")).isEqualTo(ConsentState.GRANTED);
		assertThat(normal.state("personalization")).isEqualTo(ConsentState.GRANTED);
		assertThat(normal.source()).isEqualTo("own");
		ConsentDecision uniform = ConsentDecision.granted("cmp");
		assertThat(this.purposes.normalize(uniform)).isSameAs(uniform);
	}

}
