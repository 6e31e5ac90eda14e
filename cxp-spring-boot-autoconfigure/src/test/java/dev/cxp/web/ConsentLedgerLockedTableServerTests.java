package dev.cxp.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cxp.consent.ledger.jdbc.PostgresServerExtension;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.ledger.ConsentLedgerThrottledException.Reason;
import dev.cxp.internal.ledger.JdbcConsentLedger;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SPEC S12.3 over a real server, with the ledger in a real PostgreSQL reached through Hikari (30 s
 * connection timeout, as by default) while another session holds
 * {@code LOCK TABLE cxp_consent_record IN ACCESS EXCLUSIVE MODE}: a withdrawal answers 200 with the denial
 * cookie within about {@code cxp.consent.ledger.timeout}, however many arrive at once, and nothing waits for
 * the lock longer than that, not even the ledger's own statements.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.ledger.enabled=true", "cxp.consent.ledger.timeout=1s",
				"cxp.consent.ledger.max-concurrent-calls=4", "cxp.consent.ledger.max-writes-per-second=1000",
				"cxp.consent.ledger.max-write-burst=1000" })
// Its PostgreSQL stops after the class: the context goes with it, or its Hikari pool would go on retrying and
// logging in the background of later tests, which assert that nothing is logged
@DirtiesContext
class ConsentLedgerLockedTableServerTests {

	@RegisterExtension
	static final PostgresServerExtension postgres = new PostgresServerExtension();

	private static final String VISITOR_ID = "0123456789abcdef0123456789abcdef";

	// Without the ledger's bounds these requests would wait for the lock or the pool; fail rather than hang.
	private static final Duration NEVER_ANSWERED = Duration.ofSeconds(30);

	private static final Duration ABOUT_THE_TIMEOUT = Duration.ofSeconds(3);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		postgres.registerDataSource(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	ConsentLedgerCounters counters;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcConsentLedger ledger;

	private Connection locker;

	private String granted;

	@BeforeEach
	void grantThenLockTheTable() throws Exception {
		assertThat(this.dataSource).isInstanceOf(HikariDataSource.class);
		this.granted = consentCookie(put("{\"consent\":\"granted\"}", "Cookie", "_mspi=" + VISITOR_ID));
		assertThat(this.granted).matches("cxp_consent=1\\.1\\.analytics:g\\.[0-9a-f]{32}");
		this.locker = postgres.dataSource().getConnection();
		this.locker.setAutoCommit(false);
		try (Statement statement = this.locker.createStatement()) {
			statement.execute("LOCK TABLE cxp_consent_record IN ACCESS EXCLUSIVE MODE");
		}
	}

	@AfterEach
	void unlock() throws Exception {
		this.locker.rollback();
		this.locker.close();
	}

	@Test
	void withdrawalAnswersWithTheDenialCookieWithinAboutTheTimeout() {
		long errorsBefore = this.counters.appendErrors();
		long start = System.nanoTime();
		HttpResponse<String> withdrawal = http().send(
				HttpRequest.newBuilder(http().uri("/cxp/consent")).DELETE().timeout(NEVER_ANSWERED), "Cookie",
				this.granted + "; _mspi=" + VISITOR_ID);
		Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
		assertThat(withdrawal.statusCode()).isEqualTo(200);
		assertThat(answeredIn).isLessThan(ABOUT_THE_TIMEOUT);
		assertThat(withdrawal.body()).contains("\"state\":\"DENIED\"");
		assertThat(consentCookie(withdrawal)).isEqualTo("cxp_consent=1.1.analytics:d");
		assertThat(setCookies(withdrawal, "_mspi")).singleElement().asString().startsWith("_mspi=;").contains("Max-Age=0");
		assertThat(this.counters.appendErrors()).isEqualTo(errorsBefore + 1);
	}

	@Test
	void autoConfiguredLedgerEndsItsOwnStatementsAtTheTimeout() {
		long start = System.nanoTime();
		assertThatExceptionOfType(QueryTimeoutException.class)
			.isThrownBy(() -> this.ledger.findByReceiptId(this.granted.substring(this.granted.length() - 32)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ABOUT_THE_TIMEOUT);
	}

	@Test
	void grantIsHonouredWithoutAReceiptAndTheReceiptIsUnavailableWithinAboutTheTimeout() {
		long start = System.nanoTime();
		HttpResponse<String> grant = put("{\"consent\":\"granted\"}");
		assertThat(grant.statusCode()).isEqualTo(200);
		assertThat(consentCookie(grant)).isEqualTo("cxp_consent=1.1.analytics:g");
		assertThat(setCookies(grant, "_mspi")).singleElement().asString().matches("_mspi=[0-9a-f]{32};.*");
		HttpResponse<String> receipt = http().send(
				HttpRequest.newBuilder(http().uri("/cxp/consent/receipt")).GET().timeout(NEVER_ANSWERED), "Cookie",
				this.granted);
		assertThat(receipt.statusCode()).isEqualTo(503);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ABOUT_THE_TIMEOUT.multipliedBy(2));
	}

	@Test
	void hundredsOfWithdrawalsAtOnceAllAnswerWithinAboutTheTimeout() throws Exception {
		int withdrawals = 300;
		long errorsBefore = this.counters.appendErrors();
		long throttledBefore = this.counters.throttledWrites(Reason.CONCURRENCY);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < withdrawals; i++) {
			HttpRequest request = HttpRequest.newBuilder(http().uri("/cxp/consent"))
				.DELETE()
				.header("Cookie", this.granted + "; _mspi=" + VISITOR_ID)
				.timeout(NEVER_ANSWERED)
				.build();
			answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		Duration allAnsweredIn = Duration.ofNanos(System.nanoTime() - start);
		for (CompletableFuture<HttpResponse<String>> answer : answers) {
			HttpResponse<String> withdrawal = answer.get();
			assertThat(withdrawal.statusCode()).isEqualTo(200);
			assertThat(consentCookie(withdrawal)).isEqualTo("cxp_consent=1.1.analytics:d");
		}
		// Each withdrawal either waited for the ledger (at most 4 at once, 1 s each) or was refused at once.
		long errors = this.counters.appendErrors() - errorsBefore;
		long throttled = this.counters.throttledWrites(Reason.CONCURRENCY) - throttledBefore;
		assertThat(errors + throttled).isEqualTo(withdrawals);
		assertThat(throttled).isPositive();
		assertThat(allAnsweredIn).isLessThan(Duration.ofSeconds(15));
	}

	private HttpResponse<String> put(String body, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Content-Type";
		all[1] = "application/json";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return http().send(
				HttpRequest.newBuilder(http().uri("/cxp/consent")).PUT(BodyPublishers.ofString(body)).timeout(NEVER_ANSWERED),
				all);
	}

	private static String consentCookie(HttpResponse<String> response) {
		String written = setCookies(response, "cxp_consent").get(0);
		return written.substring(0, written.indexOf(';'));
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

}
