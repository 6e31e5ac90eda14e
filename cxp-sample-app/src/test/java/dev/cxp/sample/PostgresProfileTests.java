package dev.cxp.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.jdbc.PostgresServerExtension;
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
	void ledgerKeepsItsRecordsInPostgres() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class)
			.profiles("postgres")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.jdbcUrl(),
					"--spring.datasource.username=" + postgres.username(), "--spring.datasource.password=")) {
			assertThat(app.getBean(ConsentLedger.class)).isInstanceOf(JdbcConsentLedger.class);
			String receipt = grantFromTheBanner(app.getEnvironment().getProperty("local.server.port"));
			String stored = JdbcClient.create(postgres.dataSource())
				.sql("SELECT method FROM cxp_consent_record WHERE receipt_id = :receipt")
				.param("receipt", receipt)
				.query(String.class)
				.single();
			assertThat(stored).isEqualTo("banner");
			assertThat(app.getBean(DataSource.class).getClass().getName()).contains("Hikari");
		}
	}

	// The banner's Accept: a same-origin PUT, whose consent cookie carries the record's receipt id
	private static String grantFromTheBanner(String port) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cxp/consent"))
				.PUT(BodyPublishers.ofString("{\"consent\":\"granted\"}"))
				.header("Content-Type", "application/json")
				.header("Sec-Fetch-Site", "same-origin")
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		String consent = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("cxp_consent="))
			.findFirst()
			.orElseThrow();
		Matcher receipt = Pattern.compile("\\.([0-9a-f]{32})[;*]").matcher(consent);
		assertThat(receipt.find()).as(consent).isTrue();
		return receipt.group(1);
	}

}
