package dev.cxp.web;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cxp.consent.ledger.jdbc.PostgresServerExtension;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S10.4 over a real server with its ledger in a real PostgreSQL: while the database is down, a withdrawal
 * still answers 200 and clears the cookies, and the receipt endpoint answers 503; recording resumes when the
 * database is back.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.ledger.enabled=true",
				"spring.datasource.type=org.springframework.jdbc.datasource.SimpleDriverDataSource" })
class ConsentLedgerDatabaseDownServerTests {

	@RegisterExtension
	static final PostgresServerExtension postgres = new PostgresServerExtension();

	private static final String VISITOR_ID = "0123456789abcdef0123456789abcdef";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		postgres.registerDataSource(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	ConsentLedgerCounters counters;

	@Test
	void withdrawalWithTheDatabaseDownStillAnswersAndClearsTheCookies() throws Exception {
		String granted = consentCookie(put("{\"consent\":\"granted\"}", "Cookie", "_mspi=" + VISITOR_ID));
		assertThat(granted).matches("cxp_consent=1\\.1\\.analytics:g\\.[0-9a-f]{32}");
		long errorsBefore = this.counters.appendErrors();
		postgres.stop();
		try {
			HttpResponse<String> withdrawal = http().send(
					HttpRequest.newBuilder(http().uri("/cxp/consent")).DELETE(), "Cookie",
					granted + "; _mspi=" + VISITOR_ID);
			assertThat(withdrawal.statusCode()).isEqualTo(200);
			assertThat(withdrawal.body()).contains("\"state\":\"DENIED\"");
			assertThat(setCookies(withdrawal, "_mspi")).singleElement().asString().startsWith("_mspi=;").contains("Max-Age=0");
			assertThat(consentCookie(withdrawal)).isEqualTo("cxp_consent=1.1.analytics:d");
			assertThat(this.counters.appendErrors()).isEqualTo(errorsBefore + 1);
			HttpResponse<String> receipt = http().get("/cxp/consent/receipt", "Cookie", granted);
			assertThat(receipt.statusCode()).isEqualTo(503);
			assertThat(http().get("/", "Accept", "text/html", "Cookie", granted).statusCode()).isEqualTo(200);
		}
		finally {
			postgres.start();
		}
		String again = consentCookie(put("{\"consent\":\"granted\"}"));
		assertThat(again).matches("cxp_consent=1\\.1\\.analytics:g\\.[0-9a-f]{32}");
		long rows = JdbcClient.create(postgres.dataSource())
			.sql("SELECT COUNT(*) FROM cxp_consent_record WHERE receipt_id IN (:first, :again)")
			.param("first", granted.substring(granted.length() - 32))
			.param("again", again.substring(again.length() - 32))
			.query(Long.class)
			.single();
		assertThat(rows).isEqualTo(2);
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

	private RawHttp http() {
		return new RawHttp(this.port);
	}

}
