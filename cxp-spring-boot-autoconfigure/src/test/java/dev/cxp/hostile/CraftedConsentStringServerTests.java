package dev.cxp.hostile;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crafted strings of {@link CraftedConsentStringTests} over real HTTP, eight requests at once, each string
 * differing from the others in its CMP version so that none is cached: every answer is a 200 that reads the
 * string's purposes.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.required=true", "cxp.consent.tcf.enabled=true", "cxp.consent.gpp.enabled=true" })
class CraftedConsentStringServerTests {

	private static final JsonMapper json = new JsonMapper();

	private static final int CONCURRENT = 8;

	@LocalServerPort
	int port;

	@Test
	void craftedStringsSentAtOnceAreAllRead() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(CONCURRENT);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < 4 * CONCURRENT; i++) {
				String cookie = switch (i % 3) {
					case 0 -> "euconsent-v2=" + CraftedConsentStrings.publisherRestrictions(100 + i);
					case 1 -> "euconsent-v2=" + CraftedConsentStrings.vendorRanges(100 + i);
					default -> "__gpp=DBABMA~" + CraftedConsentStrings.publisherRestrictions(100 + i);
				};
				responses.add(executor.submit(() -> {
					start.await();
					return new RawHttp(this.port).get("/cxp/consent", "Accept", "application/json", "Cookie", cookie);
				}));
			}
			start.countDown();
			for (Future<HttpResponse<String>> response : responses) {
				HttpResponse<String> answer = response.get(60, TimeUnit.SECONDS);
				assertThat(answer.statusCode()).isEqualTo(200);
				JsonNode consent = json.readTree(answer.body());
				assertThat(consent.get("source").asString()).isIn("tcf", "gpp");
				assertThat(consent.get("purposes").get("analytics").asString()).isEqualTo("GRANTED");
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
