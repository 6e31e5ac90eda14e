package dev.cxp.web;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S10 over a real server, with the consent ledger in the embedded H2 database: each choice through the
 * consent endpoint is recorded, its receipt id rides in the consent cookie, and a visitor reads their own
 * last record back, and nothing else.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.ledger.enabled=true", "cxp.consent.purposes=analytics,ads",
				"cxp.consent.revision=2026-02", "management.endpoints.web.exposure.include=cxp" })
class ConsentLedgerServerTests {

	private static final String VISITOR_ID = "0123456789abcdef0123456789abcdef";

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ConsentLedger ledger;

	@Test
	void browserGrantIsRecordedAndItsReceiptRidesInTheCookie() {
		HttpResponse<String> grant = put("{\"consent\":\"granted\"}", "Sec-Fetch-Site", "same-origin");
		assertThat(grant.statusCode()).isEqualTo(200);
		String cookie = consentCookie(grant);
		assertThat(cookie).matches("cxp_consent=1\\.2026-02\\.analytics:g~ads:g\\.[0-9a-f]{32}");
		ConsentRecord record = this.ledger.findByReceiptId(receiptOf(cookie)).orElseThrow();
		assertThat(record.method()).isEqualTo(ConsentMethod.BANNER);
		assertThat(record.revision()).isEqualTo("2026-02");
		assertThat(record.purposes()).containsEntry("analytics", ConsentState.GRANTED)
			.containsEntry("ads", ConsentState.GRANTED);
		String issued = setCookies(grant, "_mspi").get(0);
		assertThat(record.visitor()).isEqualTo(issued.substring("_mspi=".length(), issued.indexOf(';')));
		assertThat(record.ipPrefix()).isNull();
	}

	@Test
	void visitorReadsTheirOwnLastReceiptAndNothingElse() {
		String first = consentCookie(put("{\"consent\":\"granted\"}"));
		String second = consentCookie(put("{\"purposes\":{\"ads\":\"denied\"}}", "Cookie", first));
		HttpResponse<String> receipt = http().get("/cxp/consent/receipt", "Cookie", second);
		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(receipt.headers().firstValue("Cache-Control")).hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		JsonNode body = json.readTree(receipt.body());
		List<String> fields = new java.util.ArrayList<>();
		for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext();) {
			fields.add(names.next());
		}
		assertThat(fields).containsExactlyInAnyOrder("receiptId", "timestamp", "revision", "purposes");
		assertThat(body.get("receiptId").asString()).isEqualTo(receiptOf(second));
		assertThat(body.get("revision").asString()).isEqualTo("2026-02");
		assertThat(body.get("purposes").get("analytics").asString()).isEqualTo("GRANTED");
		assertThat(body.get("purposes").get("ads").asString()).isEqualTo("DENIED");
		assertThat(body.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(this.ledger.findByReceiptId(receiptOf(second)).orElseThrow().method()).isEqualTo(ConsentMethod.API);
	}

	@Test
	void receiptIsNotFoundWithoutOneInTheVisitorsOwnCookie() {
		String someoneElse = receiptOf(consentCookie(put("{\"consent\":\"granted\"}")));
		assertThat(http().get("/cxp/consent/receipt").statusCode()).isEqualTo(404);
		assertThat(http().get("/cxp/consent/receipt?receiptId=" + someoneElse).statusCode()).isEqualTo(404);
		assertThat(http().get("/cxp/consent/receipt/" + someoneElse).statusCode()).isEqualTo(404);
		assertThat(http().get("/cxp/consent/receipt", "Cookie", "cxp_consent=1.2026-02.analytics:g~ads:g").statusCode())
			.isEqualTo(404);
		assertThat(http().get("/cxp/consent/receipt", "Cookie", "cxp_consent=granted").statusCode()).isEqualTo(404);
		assertThat(http().get("/cxp/consent/receipt", "Cookie",
				"cxp_consent=1.2026-02.analytics:g.0123456789abcdef0123456789abcdef").statusCode())
			.isEqualTo(404);
		String two = "cxp_consent=1.2026-02.analytics:g." + someoneElse
				+ "; cxp_consent=1.2026-02.analytics:g.0123456789abcdef0123456789abcdef";
		assertThat(http().get("/cxp/consent/receipt", "Cookie", two).statusCode()).isEqualTo(404);
		HttpResponse<String> hostile = http().get("/cxp/consent/receipt", "Cookie",
				"cxp_consent=1.2026-02.analytics:g.'%20OR%201=1--aaaaaaaaaaaaaaaaaaaaa");
		assertThat(hostile.statusCode()).isEqualTo(404);
		assertThat(hostile.body()).doesNotContain("OR");
	}

	@Test
	void withdrawalsAreRecordedAsSuch() {
		String granted = consentCookie(put("{\"consent\":\"granted\"}"));
		HttpResponse<String> withdrawal = http().send(HttpRequest.newBuilder(http().uri("/cxp/consent")).DELETE(),
				"Cookie", granted + "; _mspi=" + VISITOR_ID);
		assertThat(withdrawal.statusCode()).isEqualTo(200);
		assertThat(setCookies(withdrawal, "_mspi")).singleElement().asString().contains("Max-Age=0");
		ConsentRecord record = this.ledger.findByReceiptId(receiptOf(consentCookie(withdrawal))).orElseThrow();
		assertThat(record.method()).isEqualTo(ConsentMethod.WITHDRAWAL);
		assertThat(record.purposes()).containsOnly(java.util.Map.entry("analytics", ConsentState.DENIED),
				java.util.Map.entry("ads", ConsentState.DENIED));
		assertThat(record.visitor()).isEqualTo(VISITOR_ID);
		String deniedAfterGrant = consentCookie(put("{\"consent\":\"denied\"}", "Cookie", granted));
		assertThat(this.ledger.findByReceiptId(receiptOf(deniedAfterGrant)).orElseThrow().method())
			.isEqualTo(ConsentMethod.WITHDRAWAL);
		String firstRefusal = consentCookie(put("{\"consent\":\"denied\"}"));
		assertThat(this.ledger.findByReceiptId(receiptOf(firstRefusal)).orElseThrow().method())
			.isEqualTo(ConsentMethod.API);
	}

	@Test
	void actuatorShowsTheLedgerButNoRecord() {
		String cookie = consentCookie(put("{\"consent\":\"granted\"}"));
		HttpResponse<String> cxp = http().get("/actuator/cxp");
		assertThat(cxp.statusCode()).isEqualTo(200);
		JsonNode ledger = json.readTree(cxp.body()).get("ledger");
		assertThat(ledger.get("enabled").asBoolean()).isTrue();
		assertThat(ledger.get("retention").asString()).isEqualTo("PT26280H");
		assertThat(ledger.get("records").asLong()).isPositive();
		assertThat(ledger.get("appendErrors").asLong()).isZero();
		assertThat(cxp.body()).doesNotContain(receiptOf(cookie));
	}

	private HttpResponse<String> put(String body, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Content-Type";
		all[1] = "application/json";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return http().send(HttpRequest.newBuilder(http().uri("/cxp/consent")).PUT(BodyPublishers.ofString(body)), all);
	}

	private static String consentCookie(HttpResponse<String> response) {
		String written = setCookies(response, "cxp_consent").get(0);
		return written.substring(0, written.indexOf(';'));
	}

	private static String receiptOf(String cookie) {
		return cookie.substring(cookie.length() - 32);
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

}
