package dev.cxp.internal.ledger;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * Creates the consent ledger's table and its index at start-up with the script for the database's platform
 * ({@code schema-h2.sql}, {@code schema-postgresql.sql}), unless the mode says not to. The scripts only
 * create what does not exist yet, so running them on every start-up is safe.
 *
 * @since 0.2.0
 */
public class ConsentLedgerSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	/**
	 * Where the schema scripts are, {@code @@platform@@} standing for the database's platform.
	 */
	public static final String SCHEMA_LOCATION = "classpath:dev/cxp/internal/ledger/schema-@@platform@@.sql";

	/**
	 * Create an initializer.
	 * @param dataSource the database that holds the ledger
	 * @param mode when to apply the schema
	 */
	public ConsentLedgerSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
		super(dataSource, settings(dataSource, mode));
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		if (mode != DatabaseInitializationMode.NEVER) {
			// Resolving the platform opens a connection: only done when the scripts will run.
			settings.setSchemaLocations(
					new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource, SCHEMA_LOCATION));
		}
		return settings;
	}

}
