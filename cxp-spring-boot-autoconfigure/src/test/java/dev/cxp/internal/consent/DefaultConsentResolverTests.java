package dev.cxp.internal.consent;

import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.web.servlet.DefaultConsentResolver;

import static dev.cxp.internal.consent.ConsentFixtures.decide;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the default resolution of consent ({@link ConsentChain} behind {@link DefaultConsentResolver}) and
 * the Global Privacy Control of {@link ConsentPolicy}.
 */
class DefaultConsentResolverTests {

	private final ConsentPolicy policy = ConsentFixtures.defaultPolicy();

	static Stream<Arguments> understoodValues() {
		return Stream.of(Arguments.of("granted", ConsentState.GRANTED), Arguments.of("GRANTED", ConsentState.GRANTED),
				Arguments.of("true", ConsentState.GRANTED), Arguments.of("True", ConsentState.GRANTED),
				Arguments.of("1", ConsentState.GRANTED), Arguments.of("yes", ConsentState.GRANTED),
				Arguments.of("YeS", ConsentState.GRANTED), Arguments.of("denied", ConsentState.DENIED),
				Arguments.of("Denied", ConsentState.DENIED), Arguments.of("false", ConsentState.DENIED),
				Arguments.of("FALSE", ConsentState.DENIED), Arguments.of("0", ConsentState.DENIED),
				Arguments.of("no", ConsentState.DENIED), Arguments.of("NO", ConsentState.DENIED));
	}

	@ParameterizedTest(name = "header {0} -> {1}")
	@MethodSource("understoodValues")
	void headerValue(String value, ConsentState expected) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", value);
		assertThat(decide(this.policy, request)).isEqualTo(new ConsentDecision(expected, "header"));
	}

	@ParameterizedTest(name = "cookie {0} -> {1}")
	@MethodSource("understoodValues")
	void cookieValue(String value, ConsentState expected) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", value));
		assertThat(decide(this.policy, request)).isEqualTo(new ConsentDecision(expected, "cookie"));
	}

	@ParameterizedTest(name = "junk {0}")
	@ValueSource(strings = { "", " ", "granted ", " yes", "y", "n", "2", "-1", "on", "off", "grantedd", "deny",
			"null", "undefined", "tru", "\u0000", "ja", "gr\u00e4nted", "1\r\n", "yes;no" })
	void junkIsIgnoredEverywhere(String junk) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", junk);
		request.setCookies(new Cookie("cxp_consent", junk));
		request.addHeader("Sec-GPC", junk);
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.unspecified());
	}

	@Test
	void nothingIsUnspecifiedWithSourceNone() {
		ConsentDecision decision = decide(this.policy, new MockHttpServletRequest());
		assertThat(decision.state()).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("none");
	}

	@Test
	void globalPrivacyControlDenies() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", "1");
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.denied("gpc"));
	}

	@ParameterizedTest(name = "Sec-GPC: {0}")
	@ValueSource(strings = { "0", "true", "yes", " 1", "1 ", "01", "" })
	void globalPrivacyControlOnlyForExactlyOne(String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", value);
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.unspecified());
	}

	@Test
	void globalPrivacyControlCanBeIgnored() {
		ConsentPolicy ignoringGpc = ConsentFixtures.policy("X-CXP-Consent", "cxp_consent", false, false);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", "1");
		assertThat(decide(ignoringGpc, request)).isEqualTo(ConsentDecision.unspecified());
	}

	@Test
	void headerOutranksCookieAndGpc() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "granted");
		request.setCookies(new Cookie("cxp_consent", "denied"));
		request.addHeader("Sec-GPC", "1");
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.granted("header"));
	}

	@Test
	void cookieOutranksGpc() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "granted"));
		request.addHeader("Sec-GPC", "1");
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.granted("cookie"));
	}

	@Test
	void junkHeaderFallsThroughToCookie() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "maybe");
		request.setCookies(new Cookie("cxp_consent", "denied"));
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.denied("cookie"));
	}

	@Test
	void junkCookieFallsThroughToGpc() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "maybe"));
		request.addHeader("Sec-GPC", "1");
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.denied("gpc"));
	}

	@Test
	void duplicateHeadersDenialWins() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "junk");
		request.addHeader("X-CXP-Consent", "yes");
		request.addHeader("X-CXP-Consent", "no");
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.denied("header"));
	}

	@Test
	void duplicateCookiesDenialWinsAndOtherNamesDoNotCount() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "junk"), new Cookie("other", "denied"),
				new Cookie("cxp_consent", "granted"), new Cookie("cxp_consent", "denied"));
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.denied("cookie"));
		request.setCookies(new Cookie("cxp_consent", "junk"), new Cookie("other", "denied"),
				new Cookie("cxp_consent", "granted"));
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.granted("cookie"));
	}

	@Test
	void configuredNamesAreUsed() {
		ConsentPolicy custom = ConsentFixtures.policy("X-Tracking", "tracking_ok", false, true);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "granted");
		request.setCookies(new Cookie("tracking_ok", "no"));
		assertThat(decide(custom, request)).isEqualTo(ConsentDecision.denied("cookie"));
	}

	@Test
	void veryLongValueIsIgnored() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "granted".repeat(1200));
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.unspecified());
	}

	@ParameterizedTest(name = "cookies {0} then {1}")
	@ValueSource(strings = { "granted,denied", "denied,granted", "yes,no", "1,0", "0,junk,1", "granted,granted,false" })
	void disagreeingConsentCookiesDeny(String values) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(Stream.of(values.split(",")).map((value) -> new Cookie("cxp_consent", value))
			.toArray(Cookie[]::new));
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.denied("cookie"));
	}

	@ParameterizedTest(name = "headers {0} then {1}")
	@ValueSource(strings = { "granted,denied", "denied,granted", "true,junk,no" })
	void disagreeingConsentHeadersDeny(String values) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		for (String value : values.split(",")) {
			request.addHeader("X-CXP-Consent", value);
		}
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.denied("header"));
	}

	@Test
	void agreeingGrantsGrant() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "junk"), new Cookie("cxp_consent", "granted"),
				new Cookie("cxp_consent", "YES"));
		assertThat(decide(this.policy, request)).isEqualTo(ConsentDecision.granted("cookie"));
	}

	@Test
	void anApplicationSourceComesAfterTheConsentCookieAndBeforeGlobalPrivacyControl() {
		ConsentPolicy withSource = ConsentFixtures.policy(new ConsentCookieFormat(ConsentPurposes.defaults(), "1", null),
				ConsentRegions.global(false, true),
				ConsentFixtures.source("site-cmp", Map.of("analytics", ConsentState.GRANTED)));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", "1");
		assertThat(decide(withSource, request)).isEqualTo(ConsentDecision.granted("site-cmp"));
		request.setCookies(new Cookie("cxp_consent", "denied"));
		assertThat(decide(withSource, request)).isEqualTo(ConsentDecision.denied("cookie"));
	}

}
