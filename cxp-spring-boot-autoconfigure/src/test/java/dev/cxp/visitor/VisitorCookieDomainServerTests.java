package dev.cxp.visitor;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code _mspi} cookie over a real server with a cookie domain, behind a TLS-terminating proxy.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.visitor.domain=example.test", "server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1" })
class VisitorCookieDomainServerTests {

	@LocalServerPort
	int port;

	@Test
	void idCookieCarriesTheDomain() {
		HttpResponse<String> response = new RawHttp(this.port).get("/", "Accept", "text/html");
		assertThat(setCookies(response)).singleElement().asString().contains("; Domain=example.test");
	}

	@Test
	void denialDeletesBothTheHostOnlyAndTheDomainCookie() {
		HttpResponse<String> response = new RawHttp(this.port).get("/", "Accept", "text/html", "Cookie",
				"_mspi=abc; cxp_consent=denied");
		List<String> cookies = setCookies(response);
		assertThat(cookies).hasSize(2).allMatch((cookie) -> cookie.startsWith("_mspi=; ") && cookie.contains("Max-Age=0"));
		assertThat(cookies).filteredOn((cookie) -> cookie.contains("Domain=example.test")).hasSize(1);
		assertThat(cookies).filteredOn((cookie) -> !cookie.contains("Domain=")).hasSize(1);
	}

	@Test
	void consentChoiceExpiresTheHostOnlyVariant() {
		RawHttp http = new RawHttp(this.port);
		HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/cxp/consent"))
			.DELETE(), "Cookie", "cxp_consent=granted");
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> consent = setCookies(response, "cxp_consent");
		assertThat(consent).hasSize(2);
		assertThat(consent).filteredOn((cookie) -> !cookie.contains("Domain="))
			.singleElement()
			.asString()
			.startsWith("cxp_consent=; ")
			.contains("Max-Age=0");
		assertThat(consent).filteredOn((cookie) -> cookie.contains("Domain=example.test"))
			.singleElement()
			.asString()
			.startsWith("cxp_consent=denied; ");
	}

	@Test
	void secureRequestGetsASecureCookie() {
		HttpResponse<String> response = new RawHttp(this.port).get("/", "Accept", "text/html", "X-Forwarded-Proto",
				"https");
		assertThat(List.of(setCookies(response).get(0).split("; "))).contains("Secure");
	}

	@Test
	void plainRequestGetsNoSecureFlag() {
		HttpResponse<String> response = new RawHttp(this.port).get("/", "Accept", "text/html");
		assertThat(List.of(setCookies(response).get(0).split("; "))).doesNotContain("Secure");
	}

}
