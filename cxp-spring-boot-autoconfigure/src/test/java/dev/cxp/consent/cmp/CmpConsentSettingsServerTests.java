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

import static dev.cxp.consent.cmp.ConsentStrings.CMP_ID;
import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.POLICY_VERSION;
import static dev.cxp.consent.cmp.ConsentStrings.purposes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S11 settings over real HTTP: the publisher segment, and a GPP string's GPC flag where Global Privacy
 * Control is honoured only in one region.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.tcf.enabled=true", "cxp.consent.tcf.use-publisher-segment=true",
				"cxp.consent.gpp.enabled=true", "cxp.consent.gpp.cookie-name=gpp",
				"cxp.consent.honor-global-privacy-control=false", "cxp.consent.region.header=X-Country",
				"cxp.consent.region.subdivision-header=X-Region",
				"cxp.consent.regions.US-CA.honor-global-privacy-control=true" })
class CmpConsentSettingsServerTests {

	private static final JsonMapper json = new JsonMapper();

	@LocalServerPort
	int port;

	@Test
	void thePublisherSegmentIsReadWhenAskedFor() {
		String granted = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(2), purposes(1));
		String denied = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(1), purposes(2));
		assertThat(analytics(consent("euconsent-v2=" + granted))).isEqualTo("GRANTED");
		assertThat(analytics(consent("euconsent-v2=" + denied))).isEqualTo("DENIED");
	}

	@Test
	void withoutAPublisherSegmentTheCoreIsRead() {
		assertThat(analytics(consent("euconsent-v2=" + ConsentStrings.allPurposes()))).isEqualTo("GRANTED");
	}

	@Test
	void theGppCookieNameIsConfigurable() {
		String gpp = ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(1));
		assertThat(consent("__gpp=" + gpp).get("source").asString()).isEqualTo("none");
		assertThat(consent("gpp=" + gpp).get("source").asString()).isEqualTo("gpp");
	}

	@Test
	void theGpcFlagDeniesOnlyWhereGpcIsHonoured() {
		String cookie = "gpp=" + ConsentStrings.gppUsNat(DID_NOT_OPT_OUT, DID_NOT_OPT_OUT, true);
		JsonNode elsewhere = json(http().get("/cxp/consent", "Cookie", cookie, "X-Country", "US", "X-Region", "TX"));
		assertThat(elsewhere.get("source").asString()).isEqualTo("none");
		assertThat(analytics(elsewhere)).isEqualTo("UNSPECIFIED");
		assertThat(elsewhere.get("effective").asBoolean()).isTrue();
		JsonNode california = json(http().get("/cxp/consent", "Cookie", cookie, "X-Country", "US", "X-Region", "CA"));
		assertThat(california.get("source").asString()).isEqualTo("gpp");
		assertThat(analytics(california)).isEqualTo("DENIED");
		assertThat(california.get("effective").asBoolean()).isFalse();
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

	private JsonNode consent(String cookieHeader) {
		return json(http().get("/cxp/consent", "Cookie", cookieHeader));
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static String analytics(JsonNode consent) {
		return consent.get("purposes").get("analytics").asString();
	}

}
