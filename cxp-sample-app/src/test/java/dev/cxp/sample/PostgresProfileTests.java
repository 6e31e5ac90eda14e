package dev.cxp.sample;

import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.jdbc.PostgresServerExtension;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.ledger.JdbcConsentLedger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's {@code postgres} profile against a real PostgreSQL: the ledger's table is created at
 * start-up and records land in it.
 */
class PostgresProfileTests {

	@RegisterExtension
	static final PostgresServerExtension postgres = new PostgresServerExtension();

	@Test
	void ledgerKeepsItsRecordsInPostgres() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class)
			.profiles("postgres")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.jdbcUrl(),
					"--spring.datasource.username=" + postgres.username(), "--spring.datasource.password=")) {
			assertThat(app.getBean(ConsentLedger.class)).isInstanceOf(JdbcConsentLedger.class);
			String receipt = app.getBean(ConsentLedgerWriter.class)
				.record(new MockHttpServletRequest(), ConsentMethod.BANNER, "1",
						Map.of("analytics", ConsentState.GRANTED), null, null);
			assertThat(receipt).isNotNull();
			String stored = JdbcClient.create(postgres.dataSource())
				.sql("SELECT method FROM cxp_consent_record WHERE receipt_id = :receipt")
				.param("receipt", receipt)
				.query(String.class)
				.single();
			assertThat(stored).isEqualTo("banner");
			assertThat(app.getBean(DataSource.class).getClass().getName()).contains("Hikari");
		}
	}

}
