package dev.cxp.web;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S1.2 over a real server: a browser sends every variant of the consent cookie, and when their values
 * disagree the denial wins, so a stale or planted grant never outweighs a withdrawal.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DenialWinsServerTests {

	private static final String VISITOR_ID = "0123456789abcdef0123456789abcdef";

	@LocalServerPort
	int port;

	private RawHttp http() {
		return new RawHttp(this.port);
	}

	@ParameterizedTest(name = "Cookie: {0}")
	@ValueSource(strings = { "cxp_consent=granted; cxp_consent=denied", "cxp_consent=denied; cxp_consent=granted" })
	void disagreeingConsentCookiesDenyAndIssueNoId(String cookies) {
		HttpResponse<String> page = http().get("/", "Accept", "text/html", "Cookie", cookies);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("visitor null");
		assertThat(setCookies(page)).isEmpty();
		HttpResponse<String> consent = http().get("/cxp/consent", "Cookie", cookies);
		assertThat(consent.body()).contains("\"state\":\"DENIED\"").contains("\"source\":\"cookie\"");
	}

	@ParameterizedTest(name = "Cookie: {0}")
	@ValueSource(strings = { "cxp_consent=granted; cxp_consent=denied", "cxp_consent=denied; cxp_consent=granted" })
	void disagreeingConsentCookiesEraseAnExistingId(String cookies) {
		HttpResponse<String> page = http().get("/", "Accept", "text/html", "Cookie",
				cookies + "; _mspi=" + VISITOR_ID);
		assertThat(page.body()).contains("visitor null");
		assertThat(setCookies(page)).singleElement().asString().startsWith("_mspi=; ").contains("Max-Age=0");
	}

	@Test
	void withdrawalOutweighsAGrantPlantedOnALongerPath() {
		// A grant planted by a sibling subdomain for Path=/shop is sent first; the endpoint cannot expire it
		String planted = "cxp_consent=granted";
		HttpResponse<String> withdrawal = http().send(HttpRequest.newBuilder(http().uri("/cxp/consent"))
			.PUT(BodyPublishers.ofString("{\"consent\":\"denied\"}")), "Content-Type", "application/json", "Cookie",
				planted + "; _mspi=" + VISITOR_ID);
		assertThat(withdrawal.statusCode()).isEqualTo(200);
		assertThat(withdrawal.body()).contains("\"state\":\"DENIED\"");
		assertThat(setCookies(withdrawal, "cxp_consent")).singleElement().asString().startsWith("cxp_consent=denied;");
		String written = setCookies(withdrawal, "cxp_consent").get(0);
		String denied = written.substring(0, written.indexOf(';'));
		HttpResponse<String> home = http().get("/", "Accept", "text/html", "Cookie", planted + "; " + denied);
		assertThat(home.body()).contains("visitor null");
		assertThat(setCookies(home, "_mspi")).isEmpty();
	}

}
