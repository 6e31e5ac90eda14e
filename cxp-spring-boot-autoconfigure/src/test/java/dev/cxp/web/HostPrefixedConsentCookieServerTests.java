package dev.cxp.web;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
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
 * {@code cxp.consent.cookie-name: __Host-cxp_consent} over a real server: the cookie is written as a browser
 * accepts a {@code __Host-} cookie (Secure, Path=/, no Domain) and read back under that name.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.cookie-name=__Host-cxp_consent", "cxp.visitor.secure=true" })
class HostPrefixedConsentCookieServerTests {

	@LocalServerPort
	int port;

	@Test
	void choiceIsWrittenAsAHostPrefixedCookie() {
		RawHttp http = new RawHttp(this.port);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/cxp/consent"))
			.PUT(BodyPublishers.ofString("{\"consent\":\"granted\"}")), "Content-Type", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> written = setCookies(response, "__Host-cxp_consent");
		assertThat(written).singleElement().satisfies((cookie) -> {
			List<String> attributes = List.of(cookie.split("; "));
			assertThat(attributes.get(0)).isEqualTo("__Host-cxp_consent=granted");
			assertThat(attributes).contains("Path=/", "Secure").noneMatch((attribute) -> attribute.startsWith("Domain"));
		});
	}

	@Test
	void choiceIsReadBackUnderThePrefixedName() {
		RawHttp http = new RawHttp(this.port);
		HttpResponse<String> page = http.get("/", "Accept", "text/html", "Cookie",
				"cxp_consent=granted; __Host-cxp_consent=denied");
		assertThat(page.body()).contains("visitor null");
		assertThat(setCookies(page, "_mspi")).isEmpty();
		assertThat(http.get("/cxp/consent", "Cookie", "__Host-cxp_consent=denied").body())
			.contains("\"state\":\"DENIED\"");
	}

}
