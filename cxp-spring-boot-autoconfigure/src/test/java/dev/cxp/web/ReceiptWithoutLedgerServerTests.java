package dev.cxp.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the ledger off, the receipt endpoint still answers, as problem+json that says why there is no receipt,
 * rather than a bare 404 a visitor or a developer cannot act on.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "cxp.consent.ledger.enabled=false")
class ReceiptWithoutLedgerServerTests {

	@LocalServerPort
	int port;

	@Test
	void theReceiptEndpointSaysTheLedgerIsOff() {
		HttpResponse<String> receipt = new RawHttp(this.port).get("/cxp/consent/receipt", "Cookie",
				"cxp_consent=1.1.analytics:g.0123456789abcdef0123456789abcdef");
		assertThat(receipt.statusCode()).isEqualTo(404);
		assertThat(receipt.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(receipt.body()).contains("\"status\":404", "The consent ledger is off",
				"cxp.consent.ledger.enabled");
		assertThat(receipt.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

}
