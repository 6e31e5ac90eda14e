package dev.cxp.internal.cmp;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.consent.cmp.ConsentStrings.CMP_ID;
import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.OPTED_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.POLICY_VERSION;
import static dev.cxp.consent.cmp.ConsentStrings.purposes;
import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of SPEC S11 over real HTTP: a CMP's TC and GPP strings in their cookies, as the consent endpoint
 * and the page see them. Consent is required, so that only a grant lets the starter track.
 */
@SpringBootTest(classes = { TestSite.class, CmpConsentServerTests.Counting.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.required=true", "cxp.consent.purposes=analytics,ads",
				"cxp.consent.tcf.enabled=true", "cxp.consent.tcf.purposes.analytics=1",
				"cxp.consent.tcf.purposes.ads=1,2,3,4", "cxp.consent.gpp.enabled=true",
				"cxp.consent.gpp.opt-out-denies=ads", "management.endpoints.web.exposure.include=metrics,cxp" })
class CmpConsentServerTests {

	private static final JsonMapper json = new JsonMapper();

	@LocalServerPort
	int port;

	@Autowired
	CountingDecoder decoder;

	@Test
	void everyPurposeGrantsBothPurposesFromTheTcString() {
		JsonNode consent = consent("euconsent-v2=" + ConsentStrings.allPurposes());
		assertThat(consent.get("source").asString()).isEqualTo("tcf");
		assertThat(consent.get("state").asString()).isEqualTo("GRANTED");
		assertThat(consent.get("effective").asBoolean()).isTrue();
		assertThat(purpose(consent, "analytics")).isEqualTo("GRANTED");
		assertThat(purpose(consent, "ads")).isEqualTo("GRANTED");
		HttpResponse<String> page = http().get("/", "Accept", "text/html", "Cookie",
				"euconsent-v2=" + ConsentStrings.allPurposes());
		assertThat(setCookies(page, "_mspi")).singleElement().asString().matches("_mspi=[0-9a-f]{32}; .*");
	}

	@Test
	void purposeOneRefusedDeniesBothAndTracksNothing() {
		String cookie = "euconsent-v2=" + ConsentStrings.purposeOneRefused();
		JsonNode consent = consent(cookie);
		assertThat(consent.get("source").asString()).isEqualTo("tcf");
		assertThat(purpose(consent, "analytics")).isEqualTo("DENIED");
		assertThat(purpose(consent, "ads")).isEqualTo("DENIED");
		assertThat(consent.get("effective").asBoolean()).isFalse();
		assertThat(setCookies(http().get("/", "Accept", "text/html", "Cookie", cookie), "_mspi")).isEmpty();
	}

	@Test
	void aPurposeNeedsEveryListedTcfPurpose() {
		String tcString = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(1, 2, 3), null);
		JsonNode consent = consent("euconsent-v2=" + tcString);
		assertThat(purpose(consent, "analytics")).isEqualTo("GRANTED");
		assertThat(purpose(consent, "ads")).isEqualTo("DENIED");
	}

	@Test
	void theCorePurposesAreReadByDefault() {
		String tcString = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(2), purposes(1, 2, 3, 4));
		assertThat(purpose(consent("euconsent-v2=" + tcString), "analytics")).isEqualTo("DENIED");
	}

	@Test
	void anOldPolicyVersionOrCmpIdZeroIsAbsentAndCounted() {
		double before = invalid("tcf");
		JsonNode old = consent("euconsent-v2=" + ConsentStrings.tcf(2, CMP_ID, purposes(1, 2, 3, 4), null));
		JsonNode noCmp = consent("euconsent-v2=" + ConsentStrings.tcf(POLICY_VERSION, 0, purposes(1, 2, 3, 4), null));
		JsonNode junk = consent("euconsent-v2=CPjunk");
		for (JsonNode consent : new JsonNode[] { old, noCmp, junk }) {
			assertThat(consent.get("source").asString()).isEqualTo("none");
			assertThat(consent.get("state").asString()).isEqualTo("UNSPECIFIED");
		}
		assertThat(invalid("tcf") - before).isEqualTo(3);
	}

	@Test
	void anOverLongStringIsAbsentAndCounted() {
		double before = invalid("gpp");
		String tooLong = "DB" + "A".repeat(CmpConsentReader.MAX_STRING_LENGTH);
		JsonNode consent = consent("__gpp=" + tooLong);
		assertThat(consent.get("source").asString()).isEqualTo("none");
		assertThat(invalid("gpp") - before).isEqualTo(1);
	}

	@Test
	void theStartersOwnChoiceOutranksTheStrings() {
		String tc = "euconsent-v2=" + ConsentStrings.allPurposes();
		JsonNode cookie = consent("cxp_consent=denied; " + tc);
		assertThat(cookie.get("source").asString()).isEqualTo("cookie");
		assertThat(purpose(cookie, "analytics")).isEqualTo("DENIED");
		JsonNode header = json(http().get("/cxp/consent", "Accept", "application/json", "X-CXP-Consent", "denied",
				"Cookie", tc));
		assertThat(header.get("source").asString()).isEqualTo("header");
		assertThat(purpose(header, "ads")).isEqualTo("DENIED");
	}

	@Test
	void theTcStringComesBeforeTheGppStringAndTheGppStringBeforeGpc() {
		String gpp = "__gpp=" + ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(2));
		JsonNode tcf = consent("euconsent-v2=" + ConsentStrings.allPurposes() + "; " + gpp);
		assertThat(tcf.get("source").asString()).isEqualTo("tcf");
		assertThat(purpose(tcf, "analytics")).isEqualTo("GRANTED");
		JsonNode afterJunk = consent("euconsent-v2=junk; " + gpp);
		assertThat(afterJunk.get("source").asString()).isEqualTo("gpp");
		assertThat(purpose(afterJunk, "analytics")).isEqualTo("DENIED");
		JsonNode beforeGpc = json(http().get("/cxp/consent", "Accept", "application/json", "Sec-GPC", "1", "Cookie",
				"euconsent-v2=" + ConsentStrings.allPurposes()));
		assertThat(beforeGpc.get("source").asString()).isEqualTo("tcf");
		assertThat(purpose(beforeGpc, "analytics")).isEqualTo("GRANTED");
	}

	@Test
	void theTcfSectionOfAGppStringIsRead() {
		JsonNode consent = consent(
				"__gpp=" + ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(1, 2, 3, 4)) + "; __gpp_sid=2");
		assertThat(consent.get("source").asString()).isEqualTo("gpp");
		assertThat(purpose(consent, "analytics")).isEqualTo("GRANTED");
		assertThat(purpose(consent, "ads")).isEqualTo("GRANTED");
	}

	@Test
	void aUsNatOptOutDeniesTheConfiguredPurposesOnly() {
		JsonNode consent = consent(
				"__gpp=" + ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, false) + "; __gpp_sid=7");
		assertThat(consent.get("source").asString()).isEqualTo("gpp");
		assertThat(purpose(consent, "ads")).isEqualTo("DENIED");
		assertThat(purpose(consent, "analytics")).isEqualTo("UNSPECIFIED");
	}

	@Test
	void aUsSectionWithoutOptOutSaysNothing() {
		JsonNode consent = consent("__gpp=" + ConsentStrings.gppUsNat(DID_NOT_OPT_OUT, DID_NOT_OPT_OUT, false));
		assertThat(consent.get("source").asString()).isEqualTo("none");
		assertThat(purpose(consent, "analytics")).isEqualTo("UNSPECIFIED");
		assertThat(purpose(consent, "ads")).isEqualTo("UNSPECIFIED");
	}

	@Test
	void aCaliforniaSharingOptOutDenies() {
		JsonNode consent = consent(
				"__gpp=" + ConsentStrings.gppCalifornia(DID_NOT_OPT_OUT, OPTED_OUT, false) + "; __gpp_sid=8");
		assertThat(consent.get("source").asString()).isEqualTo("gpp");
		assertThat(purpose(consent, "ads")).isEqualTo("DENIED");
		assertThat(purpose(consent, "analytics")).isEqualTo("UNSPECIFIED");
	}

	@Test
	void theGpcFlagOfAUsSectionDeniesAsSecGpcDoes() {
		JsonNode consent = consent("__gpp=" + ConsentStrings.gppUsNat(DID_NOT_OPT_OUT, DID_NOT_OPT_OUT, true));
		assertThat(consent.get("source").asString()).isEqualTo("gpp");
		assertThat(purpose(consent, "analytics")).isEqualTo("DENIED");
		assertThat(purpose(consent, "ads")).isEqualTo("DENIED");
	}

	@Test
	void aStringIsDecodedOnlyWhenItsCookieIsThereAndThenOnce() {
		String tcString = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(1, 5), null);
		int before = this.decoder.tcfDecodes.get();
		consent("cxp_unrelated=1");
		http().get("/", "Accept", "text/html");
		assertThat(this.decoder.tcfDecodes.get()).isEqualTo(before);
		for (int i = 0; i < 3; i++) {
			assertThat(purpose(consent("euconsent-v2=" + tcString), "analytics")).isEqualTo("GRANTED");
			http().get("/", "Accept", "text/html", "Cookie", "euconsent-v2=" + tcString);
		}
		assertThat(this.decoder.tcfDecodes.get()).isEqualTo(before + 1);
	}

	@Test
	void theActuatorEndpointShowsTheStringsReadAndTheMapping() {
		consent("euconsent-v2=CPjunk");
		JsonNode strings = json(http().get("/actuator/cxp")).get("consentStrings");
		assertThat(strings.get("tcf").get("cookieName").asString()).isEqualTo("euconsent-v2");
		assertThat(strings.get("tcf").get("purposes").get("analytics").toString()).isEqualTo("[1]");
		assertThat(strings.get("tcf").get("purposes").get("ads").toString()).isEqualTo("[1,2,3,4]");
		assertThat(strings.get("tcf").get("usePublisherSegment").asBoolean()).isFalse();
		assertThat(strings.get("gpp").get("cookieName").asString()).isEqualTo("__gpp");
		assertThat(strings.get("gpp").get("sidCookieName").asString()).isEqualTo("__gpp_sid");
		assertThat(strings.get("gpp").get("optOutDenies").toString()).isEqualTo("[\"ads\"]");
		assertThat(strings.get("invalid").get("tcf").asLong()).isPositive();
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

	private JsonNode consent(String cookieHeader) {
		return json(http().get("/cxp/consent", "Accept", "application/json", "Cookie", cookieHeader));
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static String purpose(JsonNode consent, String purpose) {
		return consent.get("purposes").get(purpose).asString();
	}

	private double invalid(String kind) {
		HttpResponse<String> response = http().get("/actuator/metrics/cxp.consent.strings.invalid?tag=kind:" + kind);
		return json(response).get("measurements").get(0).get("value").asDouble();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		CountingDecoder countingDecoder() {
			return new CountingDecoder();
		}

	}

}
