package dev.cxp.web;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC S12.3 over a real server when every connection of the pool is taken by the application itself: a
 * withdrawal does not wait for Hikari's connection timeout (30 s) but answers within about
 * {@code cxp.consent.ledger.timeout}, and receipts come back once connections are free.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.ledger.enabled=true", "cxp.consent.ledger.timeout=1s",
				"spring.datasource.url=jdbc:h2:mem:cxp-pool-exhausted;DB_CLOSE_DELAY=-1",
				"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=30000" })
class ConsentLedgerPoolExhaustedServerTests {

	private static final String VISITOR_ID = "0123456789abcdef0123456789abcdef";

	// Without the ledger's bounds these requests would wait for the lock or the pool; fail rather than hang.
	private static final Duration NEVER_ANSWERED = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ConsentLedgerCounters counters;

	@Autowired
	DataSource dataSource;

	@Test
	void withdrawalDoesNotWaitForAPooledConnection() throws Exception {
		assertThat(this.dataSource).isInstanceOf(HikariDataSource.class);
		String granted = consentCookie(put("{\"consent\":\"granted\"}"));
		assertThat(granted).matches("cxp_consent=1\\.1\\.analytics:g\\.[0-9a-f]{32}");
		long errorsBefore = this.counters.appendErrors();
		List<Connection> taken = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				taken.add(this.dataSource.getConnection());
			}
			long start = System.nanoTime();
			HttpResponse<String> withdrawal = http().send(
					HttpRequest.newBuilder(http().uri("/cxp/consent")).DELETE().timeout(NEVER_ANSWERED), "Cookie",
					granted + "; _mspi=" + VISITOR_ID);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			assertThat(withdrawal.statusCode()).isEqualTo(200);
			assertThat(consentCookie(withdrawal)).isEqualTo("cxp_consent=1.1.analytics:d");
			assertThat(setCookies(withdrawal, "_mspi")).singleElement().asString().contains("Max-Age=0");
			assertThat(this.counters.appendErrors()).isEqualTo(errorsBefore + 1);
		}
		finally {
			for (Connection connection : taken) {
				connection.close();
			}
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> consentCookie(put("{\"consent\":\"granted\"}")).matches(".*\\.[0-9a-f]{32}"));
	}

	private HttpResponse<String> put(String body) {
		return http().send(
				HttpRequest.newBuilder(http().uri("/cxp/consent")).PUT(BodyPublishers.ofString(body)).timeout(NEVER_ANSWERED),
				"Content-Type", "application/json");
	}

	private static String consentCookie(HttpResponse<String> response) {
		String written = setCookies(response, "cxp_consent").get(0);
		return written.substring(0, written.indexOf(';'));
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

}
