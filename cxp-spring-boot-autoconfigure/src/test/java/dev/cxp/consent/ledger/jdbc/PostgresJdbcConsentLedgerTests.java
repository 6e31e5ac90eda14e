package dev.cxp.consent.ledger.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedgerCounters;
import dev.cxp.consent.ledger.ConsentLedgerPurge;
import dev.cxp.consent.ledger.ConsentLedgerWriter;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.support.MutableClock;
import dev.cxp.support.SecureIdGenerator;

import static org.assertj.core.api.Assertions.assertThat;

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
			assertThat(writer.record(request, ConsentMethod.WITHDRAWAL, "1", Map.of("analytics", ConsentState.DENIED),
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
		assertThat(writer.record(new MockHttpServletRequest(), ConsentMethod.API, "1",
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
		assertThat(writer.record(new MockHttpServletRequest(), ConsentMethod.BANNER, "1",
				Map.of("analytics", ConsentState.GRANTED), null, null))
			.isNull();
		assertThat(counters.appendErrors()).isEqualTo(1);
	}

}
