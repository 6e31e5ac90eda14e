package dev.cxp.internal.ledger;

import java.nio.file.Path;

import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsentLedgerSchemaInitializer}: the mode decides, on a database that is not embedded
 * (an H2 database in a file).
 */
class ConsentLedgerSchemaInitializerTests {

	@TempDir
	Path directory;

	@Test
	void alwaysCreatesTheTableOnADatabaseThatIsNotEmbedded() {
		SimpleDriverDataSource dataSource = fileDatabase();
		assertThat(new ConsentLedgerSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS)
			.initializeDatabase()).isTrue();
		assertThat(rows(dataSource)).isZero();
	}

	@Test
	void embeddedLeavesADatabaseThatIsNotEmbeddedAlone() {
		SimpleDriverDataSource dataSource = fileDatabase();
		assertThat(new ConsentLedgerSchemaInitializer(dataSource, DatabaseInitializationMode.EMBEDDED)
			.initializeDatabase()).isFalse();
		assertThat(tableCount(dataSource)).isZero();
	}

	@Test
	void neverLeavesTheDatabaseAlone() {
		SimpleDriverDataSource dataSource = fileDatabase();
		assertThat(new ConsentLedgerSchemaInitializer(dataSource, DatabaseInitializationMode.NEVER)
			.initializeDatabase()).isFalse();
		assertThat(tableCount(dataSource)).isZero();
	}

	private SimpleDriverDataSource fileDatabase() {
		return new SimpleDriverDataSource(new Driver(),
				"jdbc:h2:file:" + this.directory.resolve("ledger").toAbsolutePath(), "sa", "");
	}

	private static Integer rows(SimpleDriverDataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM cxp_consent_record", Integer.class);
	}

	private static Integer tableCount(SimpleDriverDataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'cxp_consent_record'",
				Integer.class);
	}

}
