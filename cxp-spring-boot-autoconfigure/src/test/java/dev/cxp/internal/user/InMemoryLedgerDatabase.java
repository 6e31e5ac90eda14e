package dev.cxp.internal.user;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.cxp.internal.ledger.ConsentLedgerSchemaInitializer;
import dev.cxp.internal.ledger.JdbcConsentLedger;

/**
 * An in-memory H2 database of its own with the consent ledger's schema, for the fast tests of consent that follows
 * the user: the JDBC ledger and the visitor id table run for real, without a database server.
 */
final class InMemoryLedgerDatabase implements AutoCloseable {

	// Kept open by DB_CLOSE_DELAY until close() shuts it down
	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

	private final JdbcClient jdbc = JdbcClient.create(this.dataSource);

	InMemoryLedgerDatabase() {
		ConsentLedgerSchemaInitializer schema = new ConsentLedgerSchemaInitializer(this.dataSource,
				DatabaseInitializationMode.ALWAYS);
		schema.setResourceLoader(new DefaultResourceLoader());
		schema.initializeDatabase();
	}

	/**
	 * The database.
	 * @return its data source
	 */
	DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * The consent ledger on this database.
	 * @return a new JDBC ledger
	 */
	JdbcConsentLedger ledger() {
		return new JdbcConsentLedger(this.dataSource);
	}

	/**
	 * The visitor ids of signed-in users on this database.
	 * @param clock the source of the current time
	 * @param sessionTimeout how long a visit session lives
	 * @return the table's access
	 */
	UserVisitors userVisitors(Clock clock, Duration sessionTimeout) {
		return new UserVisitors(this.jdbc, clock, sessionTimeout);
	}

	@Override
	public void close() {
		this.jdbc.sql("SHUTDOWN").update();
	}

}
