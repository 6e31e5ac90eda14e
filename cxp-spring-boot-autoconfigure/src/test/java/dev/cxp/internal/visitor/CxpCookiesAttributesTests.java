package dev.cxp.internal.visitor;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.internal.web.servlet.TestExchanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each configured attribute of the two cookies {@link CxpCookies} writes, on both cookies: {@code Secure} from
 * configuration on a plain request and from an HTTPS request without configuration, {@code HttpOnly},
 * {@code SameSite}, {@code Max-Age} and {@code Domain}.
 */
class CxpCookiesAttributesTests {

	private static final CxpCookies PLAIN = new CxpCookies(
			new CookieAttributes("_mspi", Duration.ofDays(365), null, "Lax", false, false),
			new CookieAttributes("cxp_consent", Duration.ofDays(180), null, "Lax", false, false));

	private static final CxpCookies CONFIGURED = new CxpCookies(
			new CookieAttributes("visitor", Duration.ofDays(30), "example.test", "Strict", true, true),
			new CookieAttributes("choice", Duration.ofDays(90), "example.test", "None", true, true));

	@Test
	void aPlainRequestWithoutConfigurationGetsNoSecureAndNoHttpOnly() {
		List<String> cookies = written(PLAIN, false);
		assertThat(cookies).containsExactly("_mspi=id; Path=/; Max-Age=31536000; Expires=%s; SameSite=Lax",
				"cxp_consent=1.1.analytics:g; Path=/; Max-Age=2592000; Expires=%s; SameSite=Lax");
	}

	@Test
	void anHttpsRequestGetsSecureCookiesWithoutConfiguration() {
		List<String> cookies = written(PLAIN, true);
		assertThat(cookies).containsExactly("_mspi=id; Path=/; Max-Age=31536000; Expires=%s; Secure; SameSite=Lax",
				"cxp_consent=1.1.analytics:g; Path=/; Max-Age=2592000; Expires=%s; Secure; SameSite=Lax");
	}

	@Test
	void configuredSecureAndHttpOnlyApplyOnAPlainRequest() {
		List<String> cookies = written(CONFIGURED, false);
		assertThat(cookies).containsExactly(
				"visitor=id; Path=/; Domain=example.test; Max-Age=2592000; Expires=%s; Secure; HttpOnly; SameSite=Strict",
				"choice=; Path=/; Max-Age=0; Expires=%s; Secure; HttpOnly; SameSite=None",
				"choice=1.1.analytics:g; Path=/; Domain=example.test; Max-Age=2592000; Expires=%s; Secure; HttpOnly; "
						+ "SameSite=None");
	}

	@Test
	void theAttributesAreThoseConfigured() {
		assertThat(CONFIGURED.visitorCookie())
			.isEqualTo(new CookieAttributes("visitor", Duration.ofDays(30), "example.test", "Strict", true, true));
		assertThat(CONFIGURED.consentCookie().name()).isEqualTo("choice");
	}

	/**
	 * The cookies written for a new visitor id and a consent choice kept 30 days, each with its
	 * {@code Expires} date replaced by {@code %s}, since it follows the clock of the machine.
	 */
	private static List<String> written(CxpCookies cookies, boolean secure) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(secure);
		MockHttpServletResponse response = new MockHttpServletResponse();
		CxpExchange exchange = TestExchanges.exchange(request, response);
		cookies.issueVisitorId(exchange, "id");
		cookies.writeConsent(exchange, "1.1.analytics:g", Duration.ofDays(30));
		return response.getHeaders("Set-Cookie")
			.stream()
			.map((cookie) -> cookie.replaceAll("Expires=[^;]+", "Expires=%s"))
			.toList();
	}

}
