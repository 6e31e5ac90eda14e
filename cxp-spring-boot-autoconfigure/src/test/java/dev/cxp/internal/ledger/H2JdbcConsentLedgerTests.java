package dev.cxp.internal.ledger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdbcConsentLedger} on an in-memory H2 database.
 */
class H2JdbcConsentLedgerTests extends AbstractJdbcConsentLedgerTests {

	// One named in-memory database per test class, kept open by the URL's DB_CLOSE_DELAY while the JVM runs.
	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(this.url, "sa", "");

	@Override
	DataSource dataSource() {
		return this.dataSource;
	}

	@AfterEach
	void dropDatabase() {
		this.jdbc.sql("SHUTDOWN").update();
	}

	@Test
	void unreachableDatabaseMakesTheWriterCountAnErrorAndThrowNothing() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		ConsentLedgerCounters counters = new ConsentLedgerCounters();
		JdbcConsentLedger closedLedger = new JdbcConsentLedger(
				new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:" + closedPort + "/mem:nowhere", "sa", ""));
		ConsentLedgerWriter writer = new ConsentLedgerWriter(closedLedger, counters, new SecureIdGenerator(),
				MutableClock.startingAt("2026-03-01T00:00:00Z"), null, false);
		String receipt = writer.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.WITHDRAWAL, "1",
				Map.of("analytics", ConsentState.DENIED), null, null);
		assertThat(receipt).isNull();
		assertThat(counters.appendErrors()).isEqualTo(1);
		assertThat(counters.records()).isZero();
	}

}
