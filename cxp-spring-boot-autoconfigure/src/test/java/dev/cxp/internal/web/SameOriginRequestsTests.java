package dev.cxp.internal.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.internal.web.servlet.TestExchanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SameOriginRequests}.
 */
class SameOriginRequestsTests {

	@Test
	void aRequestWithoutBrowserHeadersIsNotForeign() {
		assertThat(TestExchanges.isForeign(request("http", "example.com", 80))).isFalse();
	}

	@Test
	void ownOriginWithDefaultPortIsNotForeign() {
		MockHttpServletRequest request = request("https", "www.example.com", 443);
		request.addHeader("Origin", "https://WWW.example.com");
		request.addHeader("Sec-Fetch-Site", "same-origin");
		assertThat(TestExchanges.isForeign(request)).isFalse();
		request.removeHeader("Origin");
		request.addHeader("Origin", "https://www.example.com:443");
		assertThat(TestExchanges.isForeign(request)).isFalse();
	}

	@Test
	void aUserInitiatedRequestIsNotForeign() {
		MockHttpServletRequest request = request("https", "www.example.com", 443);
		request.addHeader("Sec-Fetch-Site", "none");
		assertThat(TestExchanges.isForeign(request)).isFalse();
	}

	@Test
	void aSiblingSubdomainIsForeign() {
		MockHttpServletRequest request = request("https", "www.example.com", 443);
		request.addHeader("Origin", "https://blog.example.com");
		assertThat(TestExchanges.isForeign(request)).isTrue();
		MockHttpServletRequest fetchSite = request("https", "www.example.com", 443);
		fetchSite.addHeader("Sec-Fetch-Site", "same-site");
		assertThat(TestExchanges.isForeign(fetchSite)).isTrue();
	}

	@Test
	void anotherSchemeOrPortIsForeign() {
		MockHttpServletRequest request = request("https", "www.example.com", 443);
		request.addHeader("Origin", "http://www.example.com");
		assertThat(TestExchanges.isForeign(request)).isTrue();
		MockHttpServletRequest port = request("https", "www.example.com", 443);
		port.addHeader("Origin", "https://www.example.com:8443");
		assertThat(TestExchanges.isForeign(port)).isTrue();
	}

	@Test
	void anyForeignOriginAmongSeveralIsForeign() {
		MockHttpServletRequest request = request("https", "www.example.com", 443);
		request.addHeader("Origin", "https://www.example.com");
		request.addHeader("Origin", "null");
		assertThat(TestExchanges.isForeign(request)).isTrue();
	}

	@Test
	void anIpv6OriginMatchesItsHost() {
		MockHttpServletRequest request = request("http", "[::1]", 8080);
		request.addHeader("Origin", "http://[::1]:8080");
		assertThat(TestExchanges.isForeign(request)).isFalse();
	}

	private static MockHttpServletRequest request(String scheme, String host, int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/cxp/consent");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		return request;
	}

}
