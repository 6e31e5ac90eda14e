package dev.cxp.internal.cmp;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's {@link ConsentStringDecoder} bean that fails with an {@link OutOfMemoryError} or a
 * {@link StackOverflowError}, over real HTTP: the page and the consent endpoint answer as if the string were
 * absent, never with a 5xx, and the string is counted as invalid.
 */
@SpringBootTest(classes = { TestSite.class, ConsentStringDecoderErrorsServerTests.Failing.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.required=true", "cxp.consent.tcf.enabled=true", "cxp.consent.gpp.enabled=true",
				"management.endpoints.web.exposure.include=metrics" })
@ExtendWith(OutputCaptureExtension.class)
class ConsentStringDecoderErrorsServerTests {

	private static final JsonMapper json = new JsonMapper();

	@LocalServerPort
	int port;

	@Test
	void anOutOfMemoryErrorReadsAsAnAbsentTcString(CapturedOutput output) {
		double before = invalid("tcf");
		String cookie = "euconsent-v2=" + FailingDecoder.OUT_OF_MEMORY;
		assertAbsent(cookie);
		assertThat(invalid("tcf") - before).isEqualTo(2);
		assertThat(output.getAll()).doesNotContain("OutOfMemoryError");
	}

	@Test
	void aStackOverflowErrorReadsAsAnAbsentGppString(CapturedOutput output) {
		double before = invalid("gpp");
		String cookie = "__gpp=" + FailingDecoder.STACK_OVERFLOW + "; __gpp_sid=7";
		assertAbsent(cookie);
		assertThat(invalid("gpp") - before).isEqualTo(2);
		assertThat(output.getAll()).doesNotContain("StackOverflowError");
	}

	@Test
	void aDenialInTheOtherStringStillCounts() {
		String cookie = "euconsent-v2=" + FailingDecoder.OUT_OF_MEMORY + "; __gpp="
				+ ConsentStrings.gppWithTcf(ConsentStrings.POLICY_VERSION, ConsentStrings.purposes(2));
		JsonNode consent = json(http().get("/cxp/consent", "Accept", "application/json", "Cookie", cookie));
		assertThat(consent.get("source").asString()).isEqualTo("gpp");
		assertThat(consent.get("purposes").get("analytics").asString()).isEqualTo("DENIED");
	}

	// The consent endpoint and a page, each reading the string once
	private void assertAbsent(String cookie) {
		JsonNode consent = json(http().get("/cxp/consent", "Accept", "application/json", "Cookie", cookie));
		assertThat(consent.get("source").asString()).isEqualTo("none");
		assertThat(consent.get("state").asString()).isEqualTo("UNSPECIFIED");
		HttpResponse<String> page = http().get("/", "Accept", "text/html", "Cookie", cookie);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(RawHttp.setCookies(page, "_mspi")).isEmpty();
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private double invalid(String kind) {
		HttpResponse<String> response = http().get("/actuator/metrics/cxp.consent.strings.invalid?tag=kind:" + kind);
		return json(response).get("measurements").get(0).get("value").asDouble();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Failing {

		@Bean
		FailingDecoder failingDecoder() {
			return new FailingDecoder();
		}

	}

}
