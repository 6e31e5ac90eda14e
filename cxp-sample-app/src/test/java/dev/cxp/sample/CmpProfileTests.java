package dev.cxp.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.testsite.RawHttp;

import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.OPTED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's {@code cmp} profile: a CMP's TC and GPP strings decide consent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.data.redis.port=1")
@ActiveProfiles("cmp")
class CmpProfileTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void aTcStringThatGrantsEverythingLetsTheVisitorBeTracked() {
		JsonNode consent = consent("euconsent-v2=" + ConsentStrings.allPurposes());
		assertThat(consent.get("source").asString()).isEqualTo("tcf");
		assertThat(consent.get("purposes").get("analytics").asString()).isEqualTo("GRANTED");
		assertThat(consent.get("purposes").get("ads").asString()).isEqualTo("GRANTED");
		assertThat(consent.get("effective").asBoolean()).isTrue();
	}

	@Test
	void aUsOptOutDeniesAdsAndLeavesAnalyticsToThePolicy() {
		JsonNode consent = consent("__gpp=" + ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, false));
		assertThat(consent.get("source").asString()).isEqualTo("gpp");
		assertThat(consent.get("purposes").get("ads").asString()).isEqualTo("DENIED");
		assertThat(consent.get("purposes").get("analytics").asString()).isEqualTo("UNSPECIFIED");
		assertThat(consent.get("effective").asBoolean()).isFalse();
	}

	private JsonNode consent(String cookie) {
		HttpResponse<String> response = new RawHttp(this.port).get("/cxp/consent", "Accept", "application/json",
				"Cookie", cookie);
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

}
