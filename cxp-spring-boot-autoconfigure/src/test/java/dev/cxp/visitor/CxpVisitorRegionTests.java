package dev.cxp.visitor;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRegion;
import dev.cxp.consent.ConsentState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which purposes a {@link CxpVisitor} created without a region allows: an unspecified purpose is effective only
 * where the whole decision is unspecified and effective, that is where consent is not required.
 */
class CxpVisitorRegionTests {

	@Test
	void anUnspecifiedEffectiveDecisionAllowsEveryUnspecifiedPurpose() {
		CxpVisitor visitor = new CxpVisitor("visitor", ConsentDecision.unspecified(), true, null);
		assertThat(visitor.region()).isEqualTo(new ConsentRegion(null, false, true));
		assertThat(visitor.consentEffective("ads")).isTrue();
	}

	@Test
	void anUnspecifiedDecisionThatIsNotEffectiveAllowsNoUnspecifiedPurpose() {
		CxpVisitor visitor = new CxpVisitor(null, ConsentDecision.unspecified(), false, null);
		assertThat(visitor.region().required()).isTrue();
		assertThat(visitor.consentEffective("ads")).isFalse();
	}

	@Test
	void aGrantAllowsOnlyThePurposesItGrants() {
		ConsentDecision decision = new ConsentDecision(ConsentState.GRANTED, "cookie",
				Map.of("ads", ConsentState.UNSPECIFIED, "personalization", ConsentState.DENIED));
		CxpVisitor visitor = new CxpVisitor("visitor", decision, true, null);
		assertThat(visitor.region().required()).isTrue();
		assertThat(visitor.consentEffective("analytics")).isTrue();
		assertThat(visitor.consentEffective("ads")).isFalse();
		assertThat(visitor.consentEffective("personalization")).isFalse();
	}

	@Test
	void aDenialAllowsOnlyThePurposesItGrants() {
		ConsentDecision decision = new ConsentDecision(ConsentState.DENIED, "cookie",
				Map.of("ads", ConsentState.GRANTED));
		CxpVisitor visitor = CxpVisitor.untracked(decision);
		assertThat(visitor.region().required()).isTrue();
		assertThat(visitor.consentEffective("ads")).isTrue();
		assertThat(visitor.consentEffective("analytics")).isFalse();
	}

	@Test
	void anUntrackedVisitorOfARegionFollowsTheRegion() {
		ConsentRegion optOut = new ConsentRegion("US-CA", false, true);
		CxpVisitor visitor = CxpVisitor.untracked(ConsentDecision.unspecified(), optOut);
		assertThat(visitor.visitorId()).isNull();
		assertThat(visitor.consentEffective()).isTrue();
		assertThat(visitor.consentEffective("ads")).isTrue();
		assertThat(CxpVisitor.untracked(ConsentDecision.unspecified(), new ConsentRegion("DE", true, true))
			.consentEffective()).isFalse();
	}

}
