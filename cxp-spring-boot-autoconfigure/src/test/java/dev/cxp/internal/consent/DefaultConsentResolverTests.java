package dev.cxp.internal.consent;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultConsentResolver}.
 */
class DefaultConsentResolverTests {

	private final DefaultConsentResolver resolver = new DefaultConsentResolver("X-CXP-Consent", "cxp_consent", true);

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
		assertThat(this.resolver.resolve(request)).isEqualTo(new ConsentDecision(expected, "header"));
	}

	@ParameterizedTest(name = "cookie {0} -> {1}")
	@MethodSource("understoodValues")
	void cookieValue(String value, ConsentState expected) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", value));
		assertThat(this.resolver.resolve(request)).isEqualTo(new ConsentDecision(expected, "cookie"));
	}

	@ParameterizedTest(name = "junk {0}")
	@ValueSource(strings = { "", " ", "granted ", " yes", "y", "n", "2", "-1", "on", "off", "grantedd", "deny",
			"null", "undefined", "tru", "\u0000", "ja", "gr\u00e4nted", "1\r\n", "yes;no" })
	void junkIsIgnoredEverywhere(String junk) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", junk);
		request.setCookies(new Cookie("cxp_consent", junk));
		request.addHeader("Sec-GPC", junk);
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.unspecified());
	}

	@Test
	void nothingIsUnspecifiedWithSourceNone() {
		ConsentDecision decision = this.resolver.resolve(new MockHttpServletRequest());
		assertThat(decision.state()).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("none");
	}

	@Test
	void globalPrivacyControlDenies() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", "1");
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.denied("gpc"));
	}

	@ParameterizedTest(name = "Sec-GPC: {0}")
	@ValueSource(strings = { "0", "true", "yes", " 1", "1 ", "01", "" })
	void globalPrivacyControlOnlyForExactlyOne(String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", value);
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.unspecified());
	}

	@Test
	void globalPrivacyControlCanBeIgnored() {
		DefaultConsentResolver ignoringGpc = new DefaultConsentResolver("X-CXP-Consent", "cxp_consent", false);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", "1");
		assertThat(ignoringGpc.resolve(request)).isEqualTo(ConsentDecision.unspecified());
	}

	@Test
	void headerOutranksCookieAndGpc() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "granted");
		request.setCookies(new Cookie("cxp_consent", "denied"));
		request.addHeader("Sec-GPC", "1");
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.granted("header"));
	}

	@Test
	void cookieOutranksGpc() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "granted"));
		request.addHeader("Sec-GPC", "1");
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.granted("cookie"));
	}

	@Test
	void junkHeaderFallsThroughToCookie() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "maybe");
		request.setCookies(new Cookie("cxp_consent", "denied"));
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.denied("cookie"));
	}

	@Test
	void junkCookieFallsThroughToGpc() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "maybe"));
		request.addHeader("Sec-GPC", "1");
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.denied("gpc"));
	}

	@Test
	void duplicateHeadersDenialWins() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "junk");
		request.addHeader("X-CXP-Consent", "yes");
		request.addHeader("X-CXP-Consent", "no");
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.denied("header"));
	}

	@Test
	void duplicateCookiesDenialWinsAndOtherNamesDoNotCount() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "junk"), new Cookie("other", "denied"),
				new Cookie("cxp_consent", "granted"), new Cookie("cxp_consent", "denied"));
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.denied("cookie"));
		request.setCookies(new Cookie("cxp_consent", "junk"), new Cookie("other", "denied"),
				new Cookie("cxp_consent", "granted"));
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.granted("cookie"));
	}

	@Test
	void configuredNamesAreUsed() {
		DefaultConsentResolver custom = new DefaultConsentResolver("X-Tracking", "tracking_ok", true);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "granted");
		request.setCookies(new Cookie("tracking_ok", "no"));
		assertThat(custom.resolve(request)).isEqualTo(ConsentDecision.denied("cookie"));
	}

	@Test
	void veryLongValueIsIgnored() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-CXP-Consent", "granted".repeat(1200));
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.unspecified());
	}

	@ParameterizedTest(name = "cookies {0} then {1}")
	@ValueSource(strings = { "granted,denied", "denied,granted", "yes,no", "1,0", "0,junk,1", "granted,granted,false" })
	void disagreeingConsentCookiesDeny(String values) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(Stream.of(values.split(",")).map((value) -> new Cookie("cxp_consent", value))
			.toArray(Cookie[]::new));
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.denied("cookie"));
	}

	@ParameterizedTest(name = "headers {0} then {1}")
	@ValueSource(strings = { "granted,denied", "denied,granted", "true,junk,no" })
	void disagreeingConsentHeadersDeny(String values) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		for (String value : values.split(",")) {
			request.addHeader("X-CXP-Consent", value);
		}
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.denied("header"));
	}

	@Test
	void agreeingGrantsGrant() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "junk"), new Cookie("cxp_consent", "granted"),
				new Cookie("cxp_consent", "YES"));
		assertThat(this.resolver.resolve(request)).isEqualTo(ConsentDecision.granted("cookie"));
	}

	@Test
	void cookieReaderIsAskedInsteadOfScanningTheCookies() {
		DefaultConsentResolver fromReader = new DefaultConsentResolver("X-CXP-Consent",
				(request) -> ConsentCookieValues.of("denied"), true);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "granted"));
		assertThat(fromReader.resolve(request)).isEqualTo(ConsentDecision.denied("cookie"));
		request.addHeader("X-CXP-Consent", "granted");
		assertThat(fromReader.resolve(request)).isEqualTo(ConsentDecision.granted("header"));
	}

}
