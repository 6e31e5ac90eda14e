package dev.cxp.visitor;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code cxp.consent.required=true}, nothing is stored until the visitor says yes.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "cxp.consent.required=true")
class RequiredConsentServerTests {

	@LocalServerPort
	int port;

	@Test
	void undecidedVisitorGetsNoCookieAtAll() {
		HttpResponse<String> page = new RawHttp(this.port).get("/", "Accept", "text/html");
		HttpResponse<String> api = new RawHttp(this.port).get("/api/visitor", "Accept", "application/json");
		assertThat(setCookies(page)).isEmpty();
		assertThat(setCookies(api)).isEmpty();
		assertThat(api.body()).contains("\"visitorId\":null").contains("\"session\":null")
			.contains("\"effective\":false");
	}

	@Test
	void undecidedVisitorWithAnIdHasItErased() {
		HttpResponse<String> page = new RawHttp(this.port).get("/", "Accept", "text/html", "Cookie", "_mspi=abc");
		assertThat(setCookies(page)).singleElement().asString().startsWith("_mspi=; ");
	}

	@Test
	void grantedVisitorGetsAnId() {
		HttpResponse<String> page = new RawHttp(this.port).get("/", "Accept", "text/html", "Cookie",
				"cxp_consent=granted");
		assertThat(setCookies(page)).singleElement().asString().matches("_mspi=[0-9a-f]{32}; .*");
	}

}
