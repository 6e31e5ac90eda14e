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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultConsentResolver} and {@link ConsentPolicy} with several purposes, a policy revision
 * and regions.
 */
class PurposeConsentResolverTests {

	private static final ConsentPurposes PURPOSES = ConsentPurposes
		.of(List.of("analytics", "ads", "personalization"), "analytics");

	private final ConsentRegions regions = new ConsentRegions("CF-IPCountry", null, false, true,
			Map.of("US", new RegionSettings(null, false), "EEA", new RegionSettings(true, null)));

	private final DefaultConsentResolver resolver = new DefaultConsentResolver("X-CXP-Consent",
			ConsentCookieReader.named("cxp_consent"), new ConsentCookieFormat(PURPOSES, "3"), this.regions);

	private final ConsentPolicy policy = new ConsentPolicy(this.resolver, PURPOSES, this.regions);

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
		ConsentDecision decision = this.resolver.resolve(withCookies("1.3.analytics:g~ads:d"));
		assertStates(decision, ConsentState.GRANTED, ConsentState.DENIED, ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("cookie");
	}

	@Test
	void disagreeingCookiesCombinePerPurposeWithADenialWinning() {
		ConsentDecision decision = this.resolver
			.resolve(withCookies("1.3.analytics:g~ads:g", "1.3.ads:d~personalization:g", "junk"));
		assertStates(decision, ConsentState.GRANTED, ConsentState.DENIED, ConsentState.GRANTED);
		ConsentDecision reversed = this.resolver
			.resolve(withCookies("junk", "1.3.ads:d~personalization:g", "1.3.analytics:g~ads:g"));
		assertThat(reversed).isSameAs(decision);
	}

	@Test
	void legacyAndNewCookiesCombine() {
		ConsentDecision decision = this.resolver.resolve(withCookies("denied", "1.3.analytics:g~ads:g"));
		assertStates(decision, ConsentState.DENIED, ConsentState.DENIED, ConsentState.DENIED);
	}

	@Test
	void aGrantOfAnOlderRevisionIsAskedAgainAndADenialStays() {
		ConsentDecision decision = this.resolver.resolve(withCookies("1.2.analytics:g~ads:d~personalization:g"));
		assertStates(decision, ConsentState.UNSPECIFIED, ConsentState.DENIED, ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("cookie");
		assertThat(this.resolver.resolve(withCookies("1.2.analytics:g"))).isEqualTo(ConsentDecision.unspecified());
	}

	@Test
	void aGrantOfANewerRevisionIsAskedAgainToo() {
		// A rollback to an older policy, or a cookie written by a newer deployment, is still not this revision.
		ConsentDecision decision = this.resolver.resolve(withCookies("1.4.analytics:g~ads:d"));
		assertStates(decision, ConsentState.UNSPECIFIED, ConsentState.DENIED, ConsentState.UNSPECIFIED);
	}

	@Test
	void legacyValuesAreRevisionOne() {
		assertThat(this.resolver.resolve(withCookies("granted"))).isEqualTo(ConsentDecision.unspecified());
		assertStates(this.resolver.resolve(withCookies("no")), ConsentState.DENIED, ConsentState.DENIED,
				ConsentState.DENIED);
		DefaultConsentResolver revisionOne = new DefaultConsentResolver("X-CXP-Consent",
				ConsentCookieReader.named("cxp_consent"), new ConsentCookieFormat(PURPOSES, "1"), this.regions);
		assertThat(revisionOne.resolve(withCookies("YES"))).isEqualTo(ConsentDecision.granted("cookie"));
	}

	@Test
	void unknownPurposesAreIgnored() {
		assertThat(this.resolver.resolve(withCookies("1.3.marketing:g"))).isEqualTo(ConsentDecision.unspecified());
		assertStates(this.resolver.resolve(withCookies("1.3.marketing:d~ads:g")), ConsentState.UNSPECIFIED,
				ConsentState.GRANTED, ConsentState.UNSPECIFIED);
	}

	@Test
	void headerOutranksTheCookiePerPurposeAndTheCookieFillsTheRest() {
		MockHttpServletRequest request = withCookies("1.3.analytics:d~ads:d");
		request.addHeader("X-CXP-Consent", "1.3.ads:g");
		ConsentDecision decision = this.resolver.resolve(request);
		assertStates(decision, ConsentState.DENIED, ConsentState.GRANTED, ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("header");
	}

	@Test
	void globalPrivacyControlDeniesWhatNoChoiceStates() {
		MockHttpServletRequest request = withCookies("1.3.analytics:g");
		request.addHeader("Sec-GPC", "1");
		ConsentDecision decision = this.resolver.resolve(request);
		assertStates(decision, ConsentState.GRANTED, ConsentState.DENIED, ConsentState.DENIED);
		assertThat(decision.source()).isEqualTo("cookie");
		MockHttpServletRequest silent = new MockHttpServletRequest();
		silent.addHeader("Sec-GPC", "1");
		assertThat(this.resolver.resolve(silent)).isEqualTo(ConsentDecision.denied("gpc"));
	}

	@Test
	void globalPrivacyControlFollowsTheRegion() {
		MockHttpServletRequest us = new MockHttpServletRequest();
		us.addHeader("Sec-GPC", "1");
		us.addHeader("CF-IPCountry", "US");
		assertThat(this.resolver.resolve(us)).isEqualTo(ConsentDecision.unspecified());
		MockHttpServletRequest de = new MockHttpServletRequest();
		de.addHeader("Sec-GPC", "1");
		de.addHeader("CF-IPCountry", "DE");
		assertThat(this.resolver.resolve(de)).isEqualTo(ConsentDecision.denied("gpc"));
	}

	@Test
	void aRegionLookedUpByTheCallerIsUsedAsGiven() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("CF-IPCountry", "DE");
		request.addHeader("Sec-GPC", "1");
		ConsentRegion region = this.policy.region(request);
		assertThat(region).isEqualTo(new ConsentRegion("DE", true, true));
		assertThat(this.policy.decide(request, ConsentCookieValues.none(), region))
			.isEqualTo(ConsentDecision.denied("gpc"));
		ConsentRegion withoutGpc = new ConsentRegion("DE", true, false);
		assertThat(this.policy.decide(request, ConsentCookieValues.none(), withoutGpc))
			.isEqualTo(ConsentDecision.unspecified());
	}

	@Test
	void policyAppliesTheRegionsRequiredSetting() {
		MockHttpServletRequest de = new MockHttpServletRequest();
		de.addHeader("CF-IPCountry", "DE");
		MockHttpServletRequest us = new MockHttpServletRequest();
		us.addHeader("CF-IPCountry", "US");
		ConsentDecision silent = this.policy.decide(de);
		assertThat(this.policy.isEffective(silent, this.policy.region(de))).isFalse();
		assertThat(this.policy.isEffective(this.policy.decide(us), this.policy.region(us))).isTrue();
		assertThat(this.policy.isEffective(silent)).isTrue();
	}

	@Test
	void aResolverThatKnowsNothingOfPurposesMeansEveryPurpose() {
		ConsentPolicy own = new ConsentPolicy((request) -> ConsentDecision.granted("cmp"), PURPOSES, this.regions);
		ConsentDecision decision = own.decide(new MockHttpServletRequest());
		assertStates(decision, ConsentState.GRANTED, ConsentState.GRANTED, ConsentState.GRANTED);
		assertThat(PURPOSES.states(decision)).containsValues(ConsentState.GRANTED).hasSize(3);
	}

	@Test
	void aResolverThatListsTheTrackingPurposeIsReadWithItsState() {
		ConsentPolicy own = new ConsentPolicy(
				(request) -> new ConsentDecision(ConsentState.GRANTED, "cmp", Map.of("analytics", ConsentState.DENIED)),
				PURPOSES, this.regions);
		ConsentDecision decision = own.decide(new MockHttpServletRequest());
		assertStates(decision, ConsentState.DENIED, ConsentState.GRANTED, ConsentState.GRANTED);
	}

	@Test
	void decisionsAreSharedBetweenRequests() {
		ConsentDecision first = this.resolver.resolve(withCookies("1.3.analytics:g~ads:d"));
		ConsentDecision second = this.resolver.resolve(withCookies("1.3.ads:d~analytics:g"));
		assertThat(second).isSameAs(first);
	}

	@Test
	void manyPurposesStillResolve() {
		List<String> names = java.util.stream.IntStream.range(0, 16).mapToObj((i) -> "p" + i).toList();
		ConsentPurposes many = ConsentPurposes.of(names, "p15");
		DefaultConsentResolver wide = new DefaultConsentResolver("X-CXP-Consent",
				ConsentCookieReader.named("cxp_consent"), new ConsentCookieFormat(many, "1"),
				ConsentRegions.global(false, true));
		ConsentDecision decision = wide.resolve(withCookies("1.1.p15:d~p3:g"));
		assertThat(decision.state()).isEqualTo(ConsentState.DENIED);
		assertThat(decision.state("p3")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("p4")).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(wide.resolve(withCookies("1.1.p3:g~p15:d"))).isSameAs(decision);
	}

}
