package dev.cxp.internal.consent;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRegion;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentRegions;
import dev.cxp.internal.consent.RegionSettings;

import static dev.cxp.internal.consent.ConsentFixtures.decide;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the default resolution and {@link ConsentPolicy} with several purposes, a policy revision
 * and regions.
 */
class PurposeConsentResolverTests {

	private static final ConsentPurposes PURPOSES = ConsentPurposes
		.of(List.of("analytics", "ads", "personalization"), "analytics");

	private final ConsentRegions regions = new ConsentRegions("CF-IPCountry", null, false, true,
			Map.of("US", new RegionSettings(null, false), "EEA", new RegionSettings(true, null)));

	private final ConsentPolicy policy = ConsentFixtures.policy(new ConsentCookieFormat(PURPOSES, "3", null),
			this.regions);

	private static MockHttpServletRequest withCookies(String... values) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(java.util.Arrays.stream(values).map((value) -> new Cookie("cxp_consent", value))
			.toArray(Cookie[]::new));
		return request;
	}

	private static void assertStates(ConsentDecision decision, ConsentState analytics, ConsentState ads,
			ConsentState personalization) {
		assertThat(decision.state()).isEqualTo(analytics);
		assertThat(decision.state("analytics")).isEqualTo(analytics);
		assertThat(decision.state("ads")).isEqualTo(ads);
		assertThat(decision.state("personalization")).isEqualTo(personalization);
	}

	@Test
	void cookieStatesEachPurposeItNames() {
		ConsentDecision decision = decide(this.policy, withCookies("1.3.analytics:g~ads:d"));
		assertStates(decision, ConsentState.GRANTED, ConsentState.DENIED, ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("cookie");
	}

	@Test
	void disagreeingCookiesCombinePerPurposeWithADenialWinning() {
		ConsentDecision decision = decide(this.policy, withCookies("1.3.analytics:g~ads:g", "1.3.ads:d~personalization:g", "junk"));
		assertStates(decision, ConsentState.GRANTED, ConsentState.DENIED, ConsentState.GRANTED);
		ConsentDecision reversed = decide(this.policy, withCookies("junk", "1.3.ads:d~personalization:g", "1.3.analytics:g~ads:g"));
		assertThat(reversed).isEqualTo(decision);
	}

	@Test
	void legacyAndNewCookiesCombine() {
		ConsentDecision decision = decide(this.policy, withCookies("denied", "1.3.analytics:g~ads:g"));
		assertStates(decision, ConsentState.DENIED, ConsentState.DENIED, ConsentState.DENIED);
	}

	@Test
	void aGrantOfAnOlderRevisionIsAskedAgainAndADenialStays() {
		ConsentDecision decision = decide(this.policy, withCookies("1.2.analytics:g~ads:d~personalization:g"));
		assertStates(decision, ConsentState.UNSPECIFIED, ConsentState.DENIED, ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("cookie");
		assertThat(decide(this.policy, withCookies("1.2.analytics:g"))).isEqualTo(ConsentDecision.unspecified());
	}

	@Test
	void aGrantOfANewerRevisionIsAskedAgainToo() {
		// A rollback to an older policy, or a cookie written by a newer deployment, is still not this revision.
		ConsentDecision decision = decide(this.policy, withCookies("1.4.analytics:g~ads:d"));
		assertStates(decision, ConsentState.UNSPECIFIED, ConsentState.DENIED, ConsentState.UNSPECIFIED);
	}

	@Test
	void legacyValuesAreRevisionOne() {
		assertThat(decide(this.policy, withCookies("granted"))).isEqualTo(ConsentDecision.unspecified());
		assertStates(decide(this.policy, withCookies("no")), ConsentState.DENIED, ConsentState.DENIED,
				ConsentState.DENIED);
		ConsentPolicy revisionOne = ConsentFixtures.policy(new ConsentCookieFormat(PURPOSES, "1", null), this.regions);
		assertThat(decide(revisionOne, withCookies("YES"))).isEqualTo(ConsentDecision.granted("cookie"));
	}

	@Test
	void unknownPurposesAreIgnored() {
		assertThat(decide(this.policy, withCookies("1.3.marketing:g"))).isEqualTo(ConsentDecision.unspecified());
		assertStates(decide(this.policy, withCookies("1.3.marketing:d~ads:g")), ConsentState.UNSPECIFIED,
				ConsentState.GRANTED, ConsentState.UNSPECIFIED);
	}

	@Test
	void headerOutranksTheCookiePerPurposeAndTheCookieFillsTheRest() {
		MockHttpServletRequest request = withCookies("1.3.analytics:d~ads:d");
		request.addHeader("X-CXP-Consent", "1.3.ads:g");
		ConsentDecision decision = decide(this.policy, request);
		assertStates(decision, ConsentState.DENIED, ConsentState.GRANTED, ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("header");
	}

	@Test
	void globalPrivacyControlDeniesWhatNoChoiceStates() {
		MockHttpServletRequest request = withCookies("1.3.analytics:g");
		request.addHeader("Sec-GPC", "1");
		ConsentDecision decision = decide(this.policy, request);
		assertStates(decision, ConsentState.GRANTED, ConsentState.DENIED, ConsentState.DENIED);
		assertThat(decision.source()).isEqualTo("cookie");
		MockHttpServletRequest silent = new MockHttpServletRequest();
		silent.addHeader("Sec-GPC", "1");
		assertThat(decide(this.policy, silent)).isEqualTo(ConsentDecision.denied("gpc"));
	}

	@Test
	void globalPrivacyControlFollowsTheRegion() {
		MockHttpServletRequest us = new MockHttpServletRequest();
		us.addHeader("Sec-GPC", "1");
		us.addHeader("CF-IPCountry", "US");
		assertThat(decide(this.policy, us)).isEqualTo(ConsentDecision.unspecified());
		MockHttpServletRequest de = new MockHttpServletRequest();
		de.addHeader("Sec-GPC", "1");
		de.addHeader("CF-IPCountry", "DE");
		assertThat(decide(this.policy, de)).isEqualTo(ConsentDecision.denied("gpc"));
	}

	@Test
	void theRegionIsLookedUpOnceAndDecidesGlobalPrivacyControlAndTheRequiredSetting() {
		MockHttpServletRequest de = new MockHttpServletRequest();
		de.addHeader("CF-IPCountry", "DE");
		de.addHeader("Sec-GPC", "1");
		DecidedConsent decided = ConsentFixtures.decided(this.policy, de);
		assertThat(decided.region()).isEqualTo(new ConsentRegion("DE", true, true));
		assertThat(decided.decision()).isEqualTo(ConsentDecision.denied("gpc"));
		MockHttpServletRequest silentDe = new MockHttpServletRequest();
		silentDe.addHeader("CF-IPCountry", "DE");
		MockHttpServletRequest us = new MockHttpServletRequest();
		us.addHeader("CF-IPCountry", "US");
		assertThat(ConsentFixtures.decided(this.policy, silentDe).effective()).isFalse();
		assertThat(ConsentFixtures.decided(this.policy, us).effective()).isTrue();
		assertThat(ConsentFixtures.decided(this.policy, new MockHttpServletRequest()).effective()).isTrue();
	}

	@Test
	void aResolverThatKnowsNothingOfPurposesMeansEveryPurpose() {
		ConsentPolicy own = new ConsentPolicy((request) -> ConsentDecision.granted("cmp"), PURPOSES, this.regions);
		ConsentDecision decision = decide(own, new MockHttpServletRequest());
		assertStates(decision, ConsentState.GRANTED, ConsentState.GRANTED, ConsentState.GRANTED);
		assertThat(PURPOSES.states(decision)).containsValues(ConsentState.GRANTED).hasSize(3);
	}

	@Test
	void aResolverThatListsTheTrackingPurposeIsReadWithItsState() {
		ConsentPolicy own = new ConsentPolicy(
				(request) -> new ConsentDecision(ConsentState.GRANTED, "cmp", Map.of("analytics", ConsentState.DENIED)),
				PURPOSES, this.regions);
		ConsentDecision decision = decide(own, new MockHttpServletRequest());
		assertStates(decision, ConsentState.DENIED, ConsentState.GRANTED, ConsentState.GRANTED);
	}

	@Test
	void theOrderOfPurposesInAValueDoesNotMatter() {
		ConsentDecision first = decide(this.policy, withCookies("1.3.analytics:g~ads:d"));
		ConsentDecision second = decide(this.policy, withCookies("1.3.ads:d~analytics:g"));
		assertThat(second).isEqualTo(first);
	}

	@Test
	void manyPurposesStillResolve() {
		List<String> names = java.util.stream.IntStream.range(0, 16).mapToObj((i) -> "p" + i).toList();
		ConsentPurposes many = ConsentPurposes.of(names, "p15");
		ConsentPolicy wide = ConsentFixtures.policy(new ConsentCookieFormat(many, "1", null),
				ConsentRegions.global(false, true));
		ConsentDecision decision = decide(wide, withCookies("1.1.p15:d~p3:g"));
		assertThat(decision.state()).isEqualTo(ConsentState.DENIED);
		assertThat(decision.state("p3")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("p4")).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(decide(wide, withCookies("1.1.p3:g~p15:d"))).isEqualTo(decision);
	}

}
