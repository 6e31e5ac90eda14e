package dev.cxp.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Configuration of the consent ledger, under {@code cxp.consent.ledger}.
 *
 * @param enabled Whether to keep a ledger of consent choices when the application has a DataSource
 * @param initializeSchema When to create the ledger's table at start-up; the scripts create only what is
 * missing, so "always" is safe on H2 and PostgreSQL
 * @param retention How long a consent record is kept before the purge deletes it
 * @param purgeInterval Time between two purges of the records older than the retention period
 * @param visitorIdKey Secret key with which the visitor id is replaced by its HMAC-SHA256 in the ledger;
 * when not set, the visitor id is kept as issued; a blank key fails start-up
 * @param recordIp Whether to keep the network of the visitor's address (IPv4 /24, IPv6 /48) or nothing of it
 * @param timeout Longest time a request waits for the ledger, also the query timeout of each JDBC statement
 * (in whole seconds, rounded up); past it the choice stands without a record
 * @param maxConcurrentCalls Most calls of the ledger from requests in flight at once; beyond it a choice stands
 * without a record at once rather than waiting
 * @param maxWritesPerSecond Most consent records appended per second, sustained; choices beyond it stand
 * without a record
 * @param maxWriteBurst Most consent records appended at once after a quiet period, before
 * max-writes-per-second applies
 * @since 0.2.0
 */
@ConfigurationProperties("cxp.consent.ledger")
public record ConsentLedgerProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("always") DatabaseInitializationMode initializeSchema,
		@DefaultValue("1095d") Duration retention, @DefaultValue("1d") Duration purgeInterval,
		@Nullable String visitorIdKey, @DefaultValue("none") RecordIp recordIp, @DefaultValue("1s") Duration timeout,
		@DefaultValue("4") int maxConcurrentCalls, @DefaultValue("10") int maxWritesPerSecond,
		@DefaultValue("100") int maxWriteBurst) {

	public ConsentLedgerProperties {
		requirePositive("cxp.consent.ledger.retention", retention);
		requirePositive("cxp.consent.ledger.purge-interval", purgeInterval);
		if (visitorIdKey != null && visitorIdKey.isBlank()) {
			throw new IllegalArgumentException("cxp.consent.ledger.visitor-id-key must not be blank: a blank key "
					+ "would keep visitor ids as issued while looking set; set a secret, or leave the property "
					+ "unset to keep the ids as issued");
		}
		requirePositive("cxp.consent.ledger.timeout", timeout);
		requireAtLeastOne("cxp.consent.ledger.max-concurrent-calls", maxConcurrentCalls);
		requireAtLeastOne("cxp.consent.ledger.max-writes-per-second", maxWritesPerSecond);
		requireAtLeastOne("cxp.consent.ledger.max-write-burst", maxWriteBurst);
	}

	private static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(property + " must be positive");
		}
	}

	private static void requireAtLeastOne(String property, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(property + " must be at least 1, was " + value);
		}
	}

	/**
	 * How much of the visitor's address the ledger keeps.
	 */
	public enum RecordIp {

		/**
		 * Nothing of the address.
		 */
		NONE,

		/**
		 * The network of the address: IPv4 /24, IPv6 /48.
		 */
		TRUNCATED

	}

}
