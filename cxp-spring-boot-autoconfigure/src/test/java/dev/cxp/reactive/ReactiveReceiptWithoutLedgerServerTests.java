package dev.cxp.reactive;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the ledger off, the receipt endpoint of a WebFlux application answers as on Spring MVC: a 404
 * problem+json that says why there is no receipt, rather than a bare 404.
 */
@SpringBootTest(classes = ReactiveTestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cxp.consent.ledger.enabled=false" })
class ReactiveReceiptWithoutLedgerServerTests {

	@LocalServerPort
	int port;

	@Test
	void theReceiptEndpointSaysTheLedgerIsOff() {
		String body = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.get()
			.uri("/cxp/consent/receipt")
			.cookie("cxp_consent", "1.1.analytics:g.0123456789abcdef0123456789abcdef")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.cacheControl(CacheControl.noStore())
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"status\":404", "The consent ledger is off", "cxp.consent.ledger.enabled");
	}

}
