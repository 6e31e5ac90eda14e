package dev.cxp.web;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cxp.support.MutableClock;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S12.3 over a real server: a flood of consent choices grows the ledger by at most the configured burst
 * plus the configured rate, on the application's clock; every choice beyond it is honoured, without a
 * receipt, and counted in {@code cxp.consent.ledger.throttled}.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.ledger.enabled=true", "cxp.consent.ledger.max-writes-per-second=2",
				"cxp.consent.ledger.max-write-burst=5", "cxp.consent.ledger.max-concurrent-calls=100" })
@Import(ConsentLedgerFloodServerTests.FrozenClock.class)
class ConsentLedgerFloodServerTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@Test
	void floodOfChoicesGrowsTheLedgerByTheBoundAndEveryChoiceIsHonoured() throws Exception {
		long rowsBefore = rows();
		double throttledBefore = throttled();
		Set<String> receipts = flood(40);
		assertThat(receipts).hasSize(5);
		assertThat(rows() - rowsBefore).isEqualTo(5);
		assertThat(throttled() - throttledBefore).isEqualTo(35);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(flood(40)).hasSize(4);
		assertThat(rows() - rowsBefore).isEqualTo(9);
		assertThat(throttled() - throttledBefore).isEqualTo(71);
	}

	/**
	 * Grants from many threads at once; every one must be honoured, and the receipts they got are returned.
	 */
	private Set<String> flood(int choices) throws Exception {
		Set<String> receipts = ConcurrentHashMap.newKeySet();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(choices);
		for (int i = 0; i < choices; i++) {
			Thread thread = new Thread(() -> {
				try {
					HttpResponse<String> grant = http().send(
							HttpRequest.newBuilder(http().uri("/cxp/consent"))
								.PUT(BodyPublishers.ofString("{\"consent\":\"granted\"}")),
							"Content-Type", "application/json");
					assertThat(grant.statusCode()).isEqualTo(200);
					assertThat(setCookies(grant, "_mspi")).hasSize(1);
					List<String> consent = setCookies(grant, "cxp_consent");
					String value = consent.get(0).substring(0, consent.get(0).indexOf(';'));
					assertThat(value).startsWith("cxp_consent=1.1.analytics:g");
					if (value.matches(".*\\.[0-9a-f]{32}")) {
						receipts.add(value.substring(value.length() - 32));
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
				finally {
					done.countDown();
				}
			});
			thread.start();
		}
		assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
		assertThat(failure.get()).isNull();
		return receipts;
	}

	private long rows() {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT COUNT(*) FROM cxp_consent_record")
			.query(Long.class)
			.single();
	}

	private double throttled() {
		return this.meters.get("cxp.consent.ledger.throttled").tag("reason", "rate").functionCounter().count();
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FrozenClock {

		@Bean
		MutableClock clock() {
			return MutableClock.startingAt("2026-03-01T00:00:00Z");
		}

	}

}
