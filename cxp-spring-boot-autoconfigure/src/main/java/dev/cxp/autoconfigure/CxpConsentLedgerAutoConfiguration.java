package dev.cxp.autoconfigure;

import java.time.Clock;
import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.ledger.ConsentLedgerGuard;
import dev.cxp.internal.ledger.ConsentLedgerPurge;
import dev.cxp.internal.ledger.ConsentLedgerSchemaInitializer;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.ledger.JdbcConsentLedger;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.user.UserLinker;

/**
 * Auto-configuration of the consent ledger (proof of consent): applies when the application has a
 * {@link DataSource} and {@code cxp.consent.ledger.enabled} is not false. Keeps the records in the
 * application's database through JDBC unless the application declares its own {@link ConsentLedger}; the receipt
 * endpoint, {@code {cxp.web.base-path}/consent/receipt}, shows a visitor their own last record. Requests reach the
 * ledger, the application's own included, only through a {@link ConsentLedgerGuard}.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, CxpAutoConfiguration.class })
@ConditionalOnClass({ JdbcClient.class, DataSourceScriptDatabaseInitializer.class })
@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "cxp.consent.ledger.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(CxpProperties.class)
public final class CxpConsentLedgerAutoConfiguration {

	@Bean
	ConsentLedgerCounters cxpConsentLedgerCounters() {
		return new ConsentLedgerCounters();
	}

	@Bean
	ConsentLedgerPurge cxpConsentLedgerPurge(ConsentLedger ledger, ConsentLedgerCounters counters,
			ObjectProvider<Clock> clock, CxpProperties properties) {
		CxpProperties.Ledger ledgerProperties = properties.consent().ledger();
		return new ConsentLedgerPurge(ledger, counters, CxpAutoConfiguration.clock(clock),
				ledgerProperties.retention(), ledgerProperties.purgeInterval());
	}

	@Bean
	@ConditionalOnWebApplication
	ConsentLedgerGuard cxpConsentLedgerGuard(ObjectProvider<Clock> clock, CxpProperties properties) {
		CxpProperties.Ledger ledger = properties.consent().ledger();
		return new ConsentLedgerGuard(CxpAutoConfiguration.clock(clock), ledger.timeout(), ledger.maxConcurrentCalls(),
				ledger.maxWritesPerSecond(), ledger.maxWriteBurst());
	}

	@Bean
	@ConditionalOnWebApplication
	ConsentLedgerWriter cxpConsentLedgerWriter(ConsentLedger ledger, ConsentLedgerGuard guard,
			ConsentLedgerCounters counters, ObjectProvider<SecureIdGenerator> ids, ObjectProvider<Clock> clock,
			CxpProperties properties, ObjectProvider<UserLinker> userLinker) {
		CxpProperties.Ledger ledgerProperties = properties.consent().ledger();
		// With consent following the user, each record made while signed in carries the user's link
		return new ConsentLedgerWriter(guard.guard(ledger), counters, ids.getIfAvailable(SecureIdGenerator::new),
				CxpAutoConfiguration.clock(clock), ledgerProperties.visitorIdKey(),
				ledgerProperties.recordIp() == CxpProperties.RecordIp.TRUNCATED, userLinker.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ConsentLedger.class)
	static class JdbcLedgerConfiguration {

		@Bean
		ConsentLedgerSchemaInitializer cxpConsentLedgerSchemaInitializer(DataSource dataSource,
				CxpProperties properties) {
			return new ConsentLedgerSchemaInitializer(dataSource,
					DatabaseInitializationMode.valueOf(properties.consent().ledger().initializeSchema().name()));
		}

		@Bean
		JdbcConsentLedger cxpConsentLedger(DataSource dataSource, ConsentLedgerSchemaInitializer schema,
				CxpProperties properties) {
			// The schema parameter orders the table's creation before the first record.
			return new JdbcConsentLedger(dataSource, properties.consent().ledger().timeout());
		}

	}

}
