package dev.cxp.internal.ledger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.consent.ledger.jdbc.PostgresServerExtension;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.ledger.ConsentLedgerPurge;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link JdbcConsentLedger} on a real PostgreSQL server that the tests start themselves.
 */
class PostgresJdbcConsentLedgerTests extends AbstractJdbcConsentLedgerTests {

	@RegisterExtension
	static final PostgresServerExtension postgres = new PostgresServerExtension();

	private final DataSource dataSource = postgres.dataSource();

	@Override
	DataSource dataSource() {
		return this.dataSource;
	}

	@Test
	void columnTypesAreThoseOfTheScript() {
		String type = this.jdbc
			.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'cxp_consent_record' "
					+ "AND column_name = 'recorded_at'")
			.query(String.class)
			.single();
		assertThat(type).isEqualTo("timestamp with time zone");
		long indexes = this.jdbc
			.sql("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'cxp_consent_record' AND indexdef LIKE '%(recorded_at)%'")
			.query(Long.class)
			.single();
		assertThat(indexes).isEqualTo(1);
	}

	@Test
	void latestRecordOfAUserIsOneIndexLookup() {
		this.jdbc.sql("INSERT INTO cxp_consent_record (receipt_id, recorded_at, revision, purposes, method, user_link) "
				+ "SELECT md5(i::text), now() - (i || ' minutes')::interval, '1', 'analytics=GRANTED', 'banner', "
				+ "encode(sha256((i % 500)::text::bytea), 'hex') FROM generate_series(1, 5000) AS i")
			.update();
		this.jdbc.sql("ANALYZE cxp_consent_record").update();
		String userLink = this.jdbc.sql("SELECT encode(sha256('7'::bytea), 'hex')").query(String.class).single();
		String plan = String.join("\n", this.jdbc
			.sql("EXPLAIN SELECT * FROM cxp_consent_record WHERE user_link = '" + userLink
					+ "' ORDER BY recorded_at DESC, receipt_id DESC FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.list());
		assertThat(plan).contains("cxp_consent_record_user_link_ix").doesNotContain("Seq Scan");
		assertThat(this.ledger.findLatestByUserLink(userLink)).hasValueSatisfying(
				(record) -> assertThat(record.receiptId()).isEqualTo(md5("7")));
	}

	private String md5(String value) {
		return this.jdbc.sql("SELECT md5(:value)").param("value", value).query(String.class).single();
	}

	@Test
	void lockedTableEndsEveryStatementWithinTheTimeout() throws Exception {
		ConsentRecord old = record(Instant.parse("2020-01-01T00:00:00Z"));
		this.ledger.append(old);
		try (Connection locker = this.dataSource.getConnection()) {
			locker.setAutoCommit(false);
			try (Statement statement = locker.createStatement()) {
				statement.execute("LOCK TABLE cxp_consent_record IN ACCESS EXCLUSIVE MODE");
			}
			assertEndsWithinAboutASecond(() -> this.ledger.append(record(Instant.parse("2026-03-01T00:00:00Z"))));
			assertEndsWithinAboutASecond(() -> this.ledger.findByReceiptId(old.receiptId()));
			assertEndsWithinAboutASecond(() -> this.ledger.deleteOlderThan(Instant.parse("2023-01-01T00:00:00Z")));
			locker.rollback();
		}
		assertThat(this.ledger.findByReceiptId(old.receiptId())).isPresent();
		assertThat(count()).isEqualTo(1);
	}

	private static void assertEndsWithinAboutASecond(ThrowingCallable statement) {
		long start = System.nanoTime();
		assertThatExceptionOfType(QueryTimeoutException.class).isThrownBy(statement);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
				Duration.ofMillis(2500));
	}

	@Test
	void stoppedServerMakesWritesAndPurgesCountErrorsAndThrowNothing() throws Exception {
		ConsentLedgerCounters counters = new ConsentLedgerCounters();
		MutableClock clock = MutableClock.startingAt("2026-03-01T00:00:00Z");
		ConsentLedgerWriter writer = new ConsentLedgerWriter(this.ledger, counters, new SecureIdGenerator(), clock,
				null, false);
		ConsentLedgerPurge purge = new ConsentLedgerPurge(this.ledger, counters, clock,
				java.time.Duration.ofDays(1095), java.time.Duration.ofDays(1));
		postgres.stop();
		try {
			MockHttpServletRequest request = new MockHttpServletRequest();
			assertThat(writer.record(TestExchanges.exchange(request), ConsentMethod.WITHDRAWAL, "1", Map.of("analytics", ConsentState.DENIED),
					null, null))
				.isNull();
			assertThat(purge.purgeNow()).isZero();
			assertThat(counters.appendErrors()).isEqualTo(1);
			assertThat(counters.purgeErrors()).isEqualTo(1);
			assertThat(counters.records()).isZero();
		}
		finally {
			postgres.start();
		}
		assertThat(writer.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.API, "1",
				Map.of("analytics", ConsentState.GRANTED), null, null))
			.isNotNull();
		assertThat(counters.records()).isEqualTo(1);
	}

	@Test
	void closedPortMakesTheWriterCountAnErrorAndThrowNothing() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		PGSimpleDataSource nowhere = new PGSimpleDataSource();
		nowhere.setUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
		nowhere.setConnectTimeout(2);
		ConsentLedgerCounters counters = new ConsentLedgerCounters();
		ConsentLedgerWriter writer = new ConsentLedgerWriter(new JdbcConsentLedger(nowhere), counters,
				new SecureIdGenerator(), MutableClock.startingAt("2026-03-01T00:00:00Z"), null, false);
		assertThat(writer.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.BANNER, "1",
				Map.of("analytics", ConsentState.GRANTED), null, null))
			.isNull();
		assertThat(counters.appendErrors()).isEqualTo(1);
	}

}
