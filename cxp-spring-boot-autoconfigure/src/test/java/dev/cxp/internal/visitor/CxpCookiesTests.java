package dev.cxp.internal.visitor;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.internal.visitor.CxpCookies.VisitorIdCookies;
import dev.cxp.internal.web.servlet.TestExchanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpCookies}: one scan of a request's cookies, and the cookies it writes.
 */
class CxpCookiesTests {

	private final CxpCookies cookies = cookies(null);

	private static CxpCookies cookies(String domain) {
		return new CxpCookies(new CookieAttributes("_mspi", Duration.ofDays(365), domain, "Lax", false, false),
				new CookieAttributes("cxp_consent", Duration.ofDays(180), domain, "Lax", false, false));
	}

	@Test
	void visitorIdsAreTheValidOnesInOrderWithoutRepeats() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("_mspi", "bad id!"), new Cookie("cxp_consent", "granted"),
				new Cookie("_mspi", "first"), new Cookie("other", "x"), new Cookie("_mspi", "second"),
				new Cookie("_mspi", "first"), new Cookie("cxp_consent", "no"));
		VisitorIdCookies carried = this.cookies.visitorIds(TestExchanges.consentRequest(request));
		assertThat(carried.visitorId()).isEqualTo("first");
		assertThat(carried.present()).isTrue();
		assertThat(carried.visitorIds()).containsExactly("first", "second");
	}

	@Test
	void invalidIdIsPresentButNotValid() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("_mspi", "x".repeat(129)));
		VisitorIdCookies carried = this.cookies.visitorIds(TestExchanges.consentRequest(request));
		assertThat(carried.present()).isTrue();
		assertThat(carried.visitorId()).isNull();
		assertThat(carried.visitorIds()).isEmpty();
	}

	@Test
	void requestWithoutVisitorIdCookieCarriesNone() {
		VisitorIdCookies carried = this.cookies.visitorIds(TestExchanges.consentRequest(new MockHttpServletRequest()));
		assertThat(carried.present()).isFalse();
		assertThat(carried.visitorId()).isNull();
	}

	@Test
	void consentWriteWithoutDomainWritesOneHostOnlyCookie() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.cookies.writeConsent(TestExchanges.exchange(new MockHttpServletRequest(), response), "1.1.analytics:d",
				Duration.ofDays(30));
		assertThat(response.getHeaders("Set-Cookie")).singleElement()
			.asString()
			.startsWith("cxp_consent=1.1.analytics:d; Path=/; Max-Age=2592000;")
			.doesNotContain("Domain");
	}

	@Test
	void consentWriteWithDomainExpiresTheHostOnlyVariant() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		cookies("example.test").writeConsent(TestExchanges.exchange(new MockHttpServletRequest(), response),
				"1.1.analytics:g", Duration.ofDays(180));
		assertThat(response.getHeaders("Set-Cookie")).satisfiesExactly(
				(deletion) -> assertThat(deletion).startsWith("cxp_consent=; Path=/; Max-Age=0;")
					.doesNotContain("Domain"),
				(choice) -> assertThat(choice).startsWith("cxp_consent=1.1.analytics:g; Path=/; Domain=example.test;"));
	}

	@Test
	void cookiesAreSecureOnASecureRequestOrWhenConfigured() {
		MockHttpServletRequest secure = new MockHttpServletRequest();
		secure.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.cookies.issueVisitorId(TestExchanges.exchange(secure, response), "id");
		assertThat(response.getHeader("Set-Cookie")).contains("Secure");
		MockHttpServletResponse plain = new MockHttpServletResponse();
		this.cookies.issueVisitorId(TestExchanges.exchange(new MockHttpServletRequest(), plain), "id");
		assertThat(plain.getHeader("Set-Cookie")).doesNotContain("Secure");
		CxpCookies alwaysSecure = new CxpCookies(
				new CookieAttributes("_mspi", Duration.ofDays(365), null, "Lax", true, false),
				new CookieAttributes("cxp_consent", Duration.ofDays(180), null, "Lax", true, false));
		MockHttpServletResponse configured = new MockHttpServletResponse();
		alwaysSecure.issueVisitorId(TestExchanges.exchange(new MockHttpServletRequest(), configured), "id");
		assertThat(configured.getHeader("Set-Cookie")).contains("Secure");
	}

	@Test
	void erasureDeletesTheHostOnlyCookieAndTheDomainOne() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		cookies("example.test").eraseVisitorId(TestExchanges.exchange(new MockHttpServletRequest(), response));
		assertThat(response.getHeaders("Set-Cookie")).satisfiesExactly(
				(hostOnly) -> assertThat(hostOnly).startsWith("_mspi=; Path=/; Max-Age=0;").doesNotContain("Domain"),
				(domain) -> assertThat(domain).startsWith("_mspi=; Path=/; Domain=example.test; Max-Age=0;"));
	}

}
