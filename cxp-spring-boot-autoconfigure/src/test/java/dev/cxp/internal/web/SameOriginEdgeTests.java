package dev.cxp.internal.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.internal.web.servlet.TestExchanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of {@link SameOriginRequests}: an {@code Origin} is the site's own only when it is exactly a scheme,
 * a host and a port equal to the request's, and {@code Sec-Fetch-Site} is read without regard to case or
 * surrounding spaces.
 */
class SameOriginEdgeTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://user@www.example.com", "https://www.example.com/", "https://www.example.com/a",
			"https://www.example.com?a", "https://www.example.com#a", "", "null", "www.example.com", "https://",
			"https://www.example.com:44 3", "//www.example.com", "https://www.example.org",
			"https://www.example.com.evil.test" })
	void anOriginThatIsNotExactlyTheRequestsIsForeign(String origin) {
		MockHttpServletRequest request = request();
		request.addHeader("Origin", origin);
		assertThat(foreign(request, "https", "www.example.com", 443)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://www.example.com", " https://www.example.com ", "HTTPS://www.Example.COM",
			"https://www.example.com:443" })
	void theRequestsOwnOriginIsNotForeign(String origin) {
		MockHttpServletRequest request = request();
		request.addHeader("Origin", origin);
		assertThat(foreign(request, "HTTPS", "www.example.com", 443)).isFalse();
	}

	@Test
	void theDefaultPortOfEachSchemeIsItsOwn() {
		MockHttpServletRequest http = request();
		http.addHeader("Origin", "http://example.com");
		assertThat(foreign(http, "http", "example.com", 80)).isFalse();
		assertThat(foreign(http, "http", "example.com", 443)).isTrue();
		assertThat(foreign(http, "http", "example.com", 8080)).isTrue();
		MockHttpServletRequest https = request();
		https.addHeader("Origin", "https://example.com");
		assertThat(foreign(https, "https", "example.com", 443)).isFalse();
		assertThat(foreign(https, "https", "example.com", 80)).isTrue();
		MockHttpServletRequest portZero = request();
		portZero.addHeader("Origin", "http://example.com:0");
		assertThat(foreign(portZero, "http", "example.com", 80)).isTrue();
		assertThat(foreign(portZero, "http", "example.com", 0)).isFalse();
	}

	@Test
	void aSchemeWithoutADefaultPortNeedsTheSamePortSpelledOut() {
		MockHttpServletRequest request = request();
		request.addHeader("Origin", "ws://example.com");
		assertThat(foreign(request, "ws", "example.com", 80)).isTrue();
		assertThat(foreign(request, "ws", "example.com", -1)).isFalse();
		MockHttpServletRequest explicit = request();
		explicit.addHeader("Origin", "ws://example.com:8080");
		assertThat(foreign(explicit, "ws", "example.com", 8080)).isFalse();
	}

	@Test
	void anIpv6HostMatchesWithOrWithoutBrackets() {
		MockHttpServletRequest request = request();
		request.addHeader("Origin", "http://[::1]:8080");
		assertThat(foreign(request, "http", "::1", 8080)).isFalse();
		assertThat(foreign(request, "http", "[::1]", 8080)).isFalse();
		assertThat(foreign(request, "http", "[::2]", 8080)).isTrue();
		assertThat(foreign(request, "http", "[::1", 8080)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "same-origin", " Same-Origin ", "NONE", "none" })
	void theSitesOwnFetchSiteIsNotForeign(String fetchSite) {
		MockHttpServletRequest request = request();
		request.addHeader("Sec-Fetch-Site", fetchSite);
		assertThat(foreign(request, "https", "www.example.com", 443)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "same-site", "cross-site", "", "same-origin2" })
	void anyOtherFetchSiteIsForeign(String fetchSite) {
		MockHttpServletRequest request = request();
		request.addHeader("Sec-Fetch-Site", "same-origin");
		request.addHeader("Sec-Fetch-Site", fetchSite);
		request.addHeader("Origin", "https://www.example.com");
		assertThat(foreign(request, "https", "www.example.com", 443)).isTrue();
	}

	private static boolean foreign(MockHttpServletRequest request, String scheme, String host, int port) {
		return SameOriginRequests.isForeign(TestExchanges.consentRequest(request), scheme, host, port);
	}

	private static MockHttpServletRequest request() {
		return new MockHttpServletRequest("PUT", "/cxp/consent");
	}

}
