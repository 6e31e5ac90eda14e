package dev.cxp.consent.cmp;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.OPTED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of the CMP cookies over real HTTP, as a sibling subdomain or a script would plant them beside the
 * real ones: the visitor's denial still holds, so the page does not track. Consent is not required, so that a
 * string read as absent would let the page track.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.tcf.enabled=true", "cxp.consent.gpp.enabled=true",
				"cxp.consent.gpp.opt-out-denies=analytics" })
class CmpConsentCopiesServerTests {

	private static final JsonMapper json = new JsonMapper();

	@LocalServerPort
	int port;

	@Test
	void fourInvalidTcStringsBeforeARealDenialDeny() {
		String cookie = "euconsent-v2=x; ".repeat(4) + "euconsent-v2=" + ConsentStrings.purposeOneRefused();
		assertDenied(cookie, "tcf");
	}

	@Test
	void asManyInvalidCopiesAsTomcatAcceptsBeforeARealDenialDeny() {
		// Tomcat refuses a request of more than 200 cookies, or of a header over 8 KB, before any code runs
		String cookie = "euconsent-v2=x; ".repeat(199) + "euconsent-v2=" + ConsentStrings.purposeOneRefused();
		assertDenied(cookie, "tcf");
	}

	@Test
	void aPlantedSidOfNoSectionBesideTheRealOneLetsTheUsOptOutDeny() {
		String optedOut = "__gpp=" + ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, false);
		assertDenied("__gpp_sid=-1; __gpp_sid=7; " + optedOut, "gpp");
		assertDenied(optedOut + "; __gpp_sid=7; __gpp_sid=-1", "gpp");
	}

	@Test
	void withoutADenialThePageTracks() {
		HttpResponse<String> page = http().get("/", "Accept", "text/html", "Cookie", "euconsent-v2=x; __gpp_sid=-1");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(RawHttp.setCookies(page, "_mspi")).singleElement().asString().startsWith("_mspi=");
	}

	private void assertDenied(String cookie, String source) {
		HttpResponse<String> response = http().get("/cxp/consent", "Accept", "application/json", "Cookie", cookie);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode consent = json.readTree(response.body());
		assertThat(consent.get("source").asString()).isEqualTo(source);
		assertThat(consent.get("purposes").get("analytics").asString()).isEqualTo("DENIED");
		HttpResponse<String> page = http().get("/", "Accept", "text/html", "Cookie", cookie);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(RawHttp.setCookies(page, "_mspi")).isEmpty();
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

}
