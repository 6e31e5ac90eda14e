package dev.cxp.consent.cmp;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S11.1 over real HTTP: reading the strings is off by default.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class CmpConsentOffServerTests {

	@LocalServerPort
	int port;

	@Test
	void theStringsAreNotReadByDefault() {
		HttpResponse<String> response = new RawHttp(this.port).get("/cxp/consent", "Cookie",
				"euconsent-v2=" + ConsentStrings.purposeOneRefused() + "; __gpp="
						+ ConsentStrings.gppWithTcf(ConsentStrings.POLICY_VERSION, ConsentStrings.purposes(2)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"source\":\"none\"").contains("\"state\":\"UNSPECIFIED\"");
	}

}
