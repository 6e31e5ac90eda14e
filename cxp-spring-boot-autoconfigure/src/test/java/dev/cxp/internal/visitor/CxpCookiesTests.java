package dev.cxp.internal.visitor;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.consent.ConsentState;

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
	void oneScanFindsEverythingThePathNeeds() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("_mspi", "bad id!"), new Cookie("cxp_consent", "granted"),
				new Cookie("_mspi", "first"), new Cookie("other", "x"), new Cookie("_mspi", "second"),
				new Cookie("_mspi", "first"), new Cookie("cxp_consent", "no"));
		RequestCookies reading = this.cookies.read(request);
		assertThat(reading.visitorId()).isEqualTo("first");
		assertThat(reading.visitorCookiePresent()).isTrue();
		assertThat(reading.visitorIds()).containsExactly("first", "second");
		assertThat(reading.consentCookies().asList()).containsExactly("granted", "no");
		// The request path hands the values on as they are, so that the reading never leaves it
		assertThat(reading.consentCookie()).isEqualTo("granted");
		assertThat(reading.moreConsentCookies()).containsExactly("no");
		assertThat(this.cookies.consentCookies(request).asList()).containsExactly("granted", "no");
	}

	@Test
	void invalidIdIsPresentButNotValid() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("_mspi", "x".repeat(129)));
		RequestCookies reading = this.cookies.read(request);
		assertThat(reading.visitorCookiePresent()).isTrue();
		assertThat(reading.visitorId()).isNull();
		assertThat(reading.visitorIds()).isEmpty();
		assertThat(reading.consentCookies().size()).isZero();
	}

	@Test
	void requestWithoutCookiesAllocatesNoReading() {
		assertThat(this.cookies.read(new MockHttpServletRequest()))
			.isSameAs(this.cookies.read(new MockHttpServletRequest()));
	}

	@Test
	void consentWriteWithoutDomainWritesOneHostOnlyCookie() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.cookies.writeConsent(new MockHttpServletRequest(), response, ConsentState.DENIED);
		assertThat(response.getHeaders("Set-Cookie")).singleElement()
			.asString()
			.startsWith("cxp_consent=denied; Path=/; Max-Age=15552000;")
			.doesNotContain("Domain");
	}

	@Test
	void consentWriteWithDomainExpiresTheHostOnlyVariant() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		cookies("example.test").writeConsent(new MockHttpServletRequest(), response, ConsentState.GRANTED);
		assertThat(response.getHeaders("Set-Cookie")).satisfiesExactly(
				(deletion) -> assertThat(deletion).startsWith("cxp_consent=; Path=/; Max-Age=0;")
					.doesNotContain("Domain"),
				(choice) -> assertThat(choice).startsWith("cxp_consent=granted; Path=/; Domain=example.test;"));
	}

}
