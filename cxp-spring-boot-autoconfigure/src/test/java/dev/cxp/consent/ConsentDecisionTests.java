package dev.cxp.consent;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link ConsentDecision}.
 */
class ConsentDecisionTests {

	@Test
	void aDecisionWithoutPurposesGivesEveryPurposeItsState() {
		ConsentDecision decision = ConsentDecision.granted("cmp");
		assertThat(decision.state()).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.source()).isEqualTo("cmp");
		assertThat(decision.state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("ads")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.isUniform()).isTrue();
		assertThat(ConsentDecision.denied("x").state("personalization")).isEqualTo(ConsentState.DENIED);
		assertThat(ConsentDecision.unspecified().state("ads")).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(ConsentDecision.unspecified().source()).isEqualTo("none");
	}

	@Test
	void theTwoArgumentConstructorStillWorks() {
		assertThat(new ConsentDecision(ConsentState.DENIED, "test")).isEqualTo(ConsentDecision.denied("test"));
		assertThat(new ConsentDecision(ConsentState.DENIED, "test").purposes()).isEmpty();
	}

	@Test
	void listedPurposesAnswerForThemselves() {
		ConsentDecision decision = new ConsentDecision(ConsentState.GRANTED, "cookie",
				Map.of("ads", ConsentState.DENIED, "analytics", ConsentState.GRANTED));
		assertThat(decision.state()).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("ads")).isEqualTo(ConsentState.DENIED);
		assertThat(decision.state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("personalization")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.isUniform()).isFalse();
		assertThat(decision.purposes()).containsOnly(Map.entry("ads", ConsentState.DENIED));
	}

	@Test
	void purposesThatAgreeWithTheStateAreDroppedSoEqualDecisionsAreEqual() {
		ConsentDecision listed = new ConsentDecision(ConsentState.GRANTED, "cookie",
				Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.GRANTED));
		assertThat(listed).isEqualTo(ConsentDecision.granted("cookie"));
		assertThat(listed.isUniform()).isTrue();
	}

	@Test
	void nullsAreRefused() {
		assertThatNullPointerException().isThrownBy(() -> new ConsentDecision(null, "x"));
		assertThatNullPointerException().isThrownBy(() -> new ConsentDecision(ConsentState.GRANTED, null));
		assertThatNullPointerException().isThrownBy(() -> new ConsentDecision(ConsentState.GRANTED, "x", null));
	}

}
