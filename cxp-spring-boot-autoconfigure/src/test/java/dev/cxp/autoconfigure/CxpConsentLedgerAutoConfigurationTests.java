package dev.cxp.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.actuate.ConsentLedgerMeters;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.ledger.ConsentLedgerGuard;
import dev.cxp.internal.ledger.ConsentLedgerPurge;
import dev.cxp.internal.ledger.ConsentLedgerSchemaInitializer;
import dev.cxp.internal.ledger.ConsentLedgerThrottledException.Reason;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.ledger.JdbcConsentLedger;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link CxpConsentLedgerAutoConfiguration}, on an embedded H2 database.
 */
class CxpConsentLedgerAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, CxpAutoConfiguration.class,
				CxpConsentLedgerAutoConfiguration.class));

	@Test
	void jdbcLedgerWithItsTableWhenADataSourceExists() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ConsentLedger.class);
			assertThat(context).getBean(ConsentLedger.class).isInstanceOf(JdbcConsentLedger.class);
			assertThat(context).hasSingleBean(ConsentLedgerSchemaInitializer.class);
			assertThat(context).hasSingleBean(ConsentLedgerWriter.class);
			assertThat(context).hasSingleBean(ConsentLedgerPurge.class);
			assertThat(context.getBean(ConsentLedgerPurge.class).isRunning()).isTrue();
			assertThat(context.getBean(ConsentLedgerPurge.class).retention()).isEqualTo(Duration.ofDays(1095));
			assertThat(rows(context.getBean(DataSource.class))).isZero();
			String receipt = context.getBean(ConsentLedgerWriter.class)
				.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.BANNER, "1",
						Map.of("analytics", ConsentState.GRANTED), null, null);
			assertThat(context.getBean(ConsentLedger.class).findByReceiptId(receipt)).isPresent();
			assertThat(context.getBean(ConsentLedgerCounters.class).records()).isEqualTo(1);
		});
	}

	@Test
	void purgeStopsWithTheContext() {
		this.contextRunner.run((context) -> {
			ConsentLedgerPurge purge = context.getBean(ConsentLedgerPurge.class);
			context.close();
			assertThat(purge.isRunning()).isFalse();
		});
	}

	@Test
	void writerUsesTheApplicationClock() {
		MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
		this.contextRunner.withBean("cxpClock", java.time.Clock.class, () -> clock).run((context) -> {
			String receipt = context.getBean(ConsentLedgerWriter.class)
				.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.API, "1", Map.of(), null, null);
			assertThat(context.getBean(ConsentLedger.class).findByReceiptId(receipt).orElseThrow().timestamp())
				.isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
		});
	}

	@Test
	void propertiesReachTheBeans() {
		this.contextRunner
			.withPropertyValues("cxp.consent.ledger.retention=30d", "cxp.consent.ledger.record-ip=truncated",
					"cxp.consent.ledger.visitor-id-key=k")
			.run((context) -> {
				assertThat(context.getBean(ConsentLedgerPurge.class).retention()).isEqualTo(Duration.ofDays(30));
				MockHttpServletRequest request = new MockHttpServletRequest();
				request.setRemoteAddr("192.0.2.9");
				String receipt = context.getBean(ConsentLedgerWriter.class)
					.record(TestExchanges.exchange(request), ConsentMethod.API, "1", Map.of(), null, "0123456789abcdef0123456789abcdef");
				ConsentRecord record = context.getBean(ConsentLedger.class).findByReceiptId(receipt).orElseThrow();
				assertThat(record.ipPrefix()).isEqualTo("192.0.2.0/24");
				assertThat(record.visitor()).hasSize(64).isNotEqualTo("0123456789abcdef0123456789abcdef");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void blankVisitorIdKeyFailsStartUpNamingTheProperty(String blank) {
		this.contextRunner.withPropertyValues("cxp.consent.ledger.visitor-id-key=" + blank).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("cxp.consent.ledger.visitor-id-key")
				.contains("must not be blank");
		});
	}

	@Test
	void unsetVisitorIdKeyKeepsTheVisitorIdAsIssued() {
		this.contextRunner.run((context) -> {
			String receipt = context.getBean(ConsentLedgerWriter.class)
				.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.API, "1", Map.of(), null, "GA1.2.3.4");
			assertThat(context.getBean(ConsentLedger.class).findByReceiptId(receipt).orElseThrow().visitor())
				.isEqualTo("GA1.2.3.4");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "cxp.consent.ledger.timeout=0s", "cxp.consent.ledger.timeout=-1s",
			"cxp.consent.ledger.max-concurrent-calls=0", "cxp.consent.ledger.max-writes-per-second=0",
			"cxp.consent.ledger.max-write-burst=-1" })
	void invalidBoundFailsStartUpNamingTheProperty(String property) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains(property.substring(0, property.indexOf('=')));
		});
	}

	@Test
	void requestsReachTheLedgerThroughTheGuard() {
		MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
		this.contextRunner.withBean("cxpClock", java.time.Clock.class, () -> clock)
			.withPropertyValues("cxp.consent.ledger.timeout=3s", "cxp.consent.ledger.max-writes-per-second=1",
					"cxp.consent.ledger.max-write-burst=2")
			.run((context) -> {
				ConsentLedgerGuard guard = context.getBean(ConsentLedgerGuard.class);
				assertThat(guard.timeout()).isEqualTo(Duration.ofSeconds(3));
				ConsentLedgerWriter writer = context.getBean(ConsentLedgerWriter.class);
				for (int i = 0; i < 2; i++) {
					assertThat(writer.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.API, "1", Map.of(), null,
							null))
						.isNotNull();
				}
				assertThat(writer.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.API, "1", Map.of(), null, null))
					.isNull();
				ConsentLedgerCounters counters = context.getBean(ConsentLedgerCounters.class);
				assertThat(counters.throttledWrites(Reason.RATE)).isEqualTo(1);
				assertThat(rows(context.getBean(DataSource.class))).isEqualTo(2);
				context.close();
				assertThatIllegalStateException()
					.isThrownBy(() -> guard.guard(new CountingLedger()).findByReceiptId("0".repeat(32)));
			});
	}

	@Test
	void applicationLedgerIsGuardedToo() {
		MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
		this.contextRunner.withBean("cxpClock", java.time.Clock.class, () -> clock)
			.withUserConfiguration(UserLedgerConfiguration.class)
			.withPropertyValues("cxp.consent.ledger.max-write-burst=1")
			.run((context) -> {
				int before = UserLedgerConfiguration.LEDGER.appended;
				ConsentLedgerWriter writer = context.getBean(ConsentLedgerWriter.class);
				for (int i = 0; i < 5; i++) {
					writer.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.API, "1", Map.of(), null, null);
				}
				assertThat(UserLedgerConfiguration.LEDGER.appended - before).isEqualTo(1);
				assertThat(context.getBean(ConsentLedgerCounters.class).throttledWrites(Reason.RATE)).isEqualTo(4);
			});
	}

	@Test
	void schemaLeftAloneWhenToldNever() {
		this.contextRunner.withPropertyValues("cxp.consent.ledger.initialize-schema=never").run((context) -> {
			assertThat(context).hasSingleBean(ConsentLedger.class);
			assertThat(tableExists(context.getBean(DataSource.class))).isFalse();
		});
	}

	@Test
	void offWhenDisabled() {
		this.contextRunner.withPropertyValues("cxp.consent.ledger.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ConsentLedger.class);
			assertThat(context).doesNotHaveBean(ConsentLedgerWriter.class);
			assertThat(context).doesNotHaveBean(ConsentLedgerPurge.class);
			assertThat(tableExists(context.getBean(DataSource.class))).isFalse();
		});
	}

	@Test
	void offWhenTheStarterIsDisabled() {
		this.contextRunner.withPropertyValues("cxp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConsentLedger.class)
				.doesNotHaveBean(ConsentLedgerPurge.class));
	}

	@Test
	void offWithoutADataSource() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CxpAutoConfiguration.class, CxpConsentLedgerAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ConsentLedger.class)
				.doesNotHaveBean(ConsentLedgerPurge.class));
	}

	@Test
	void offWithoutSpringJdbc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.jdbc.core"))
			.run((context) -> assertThat(context).doesNotHaveBean(ConsentLedger.class));
	}

	@Test
	void applicationLedgerWins() {
		this.contextRunner.withUserConfiguration(UserLedgerConfiguration.class).run((context) -> {
			assertThat(context).getBean(ConsentLedger.class).isSameAs(UserLedgerConfiguration.LEDGER);
			assertThat(context).doesNotHaveBean(JdbcConsentLedger.class);
			assertThat(context).doesNotHaveBean(ConsentLedgerSchemaInitializer.class);
			assertThat(tableExists(context.getBean(DataSource.class))).isFalse();
			context.getBean(ConsentLedgerWriter.class)
				.record(TestExchanges.exchange(new MockHttpServletRequest()), ConsentMethod.API, "1", Map.of(), null, null);
			assertThat(UserLedgerConfiguration.LEDGER.appended).isPositive();
		});
	}

	@Test
	void noWriterOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, CxpConsentLedgerAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(ConsentLedger.class);
				assertThat(context).hasSingleBean(ConsentLedgerPurge.class);
				assertThat(context).doesNotHaveBean(ConsentLedgerWriter.class);
				assertThat(context).doesNotHaveBean(ConsentLedgerGuard.class);
			});
	}

	@Test
	void metersCountRecordsAndErrors() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(CxpMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
			assertThat(context).hasSingleBean(ConsentLedgerMeters.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(ConsentLedgerMeters.class).bindTo(registry);
			ConsentLedgerCounters counters = context.getBean(ConsentLedgerCounters.class);
			counters.recordWritten();
			counters.appendFailed();
			counters.appendFailed();
			assertThat(registry.get("cxp.consent.ledger.records").functionCounter().count()).isEqualTo(1);
			assertThat(registry.get("cxp.consent.ledger.errors").tag("operation", "append").functionCounter().count())
				.isEqualTo(2);
			assertThat(registry.get("cxp.consent.ledger.errors").tag("operation", "purge").functionCounter().count())
				.isZero();
			counters.writeThrottled(Reason.RATE);
			counters.writeThrottled(Reason.CONCURRENCY);
			counters.writeThrottled(Reason.CONCURRENCY);
			assertThat(registry.get("cxp.consent.ledger.throttled").tag("reason", "rate").functionCounter().count())
				.isEqualTo(1);
			assertThat(
					registry.get("cxp.consent.ledger.throttled").tag("reason", "concurrency").functionCounter().count())
				.isEqualTo(2);
		});
	}

	@Test
	void noMetersWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasSingleBean(ConsentLedger.class)
				.doesNotHaveBean(ConsentLedgerMeters.class));
	}

	@Test
	void invalidRetentionFailsAtStartUp() {
		this.contextRunner.withPropertyValues("cxp.consent.ledger.retention=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.ledger.retention"));
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	private static long rows(DataSource dataSource) {
		return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM cxp_consent_record").query(Long.class).single();
	}

	private static boolean tableExists(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'cxp_consent_record'")
			.query(Long.class)
			.single() > 0;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserLedgerConfiguration {

		static final CountingLedger LEDGER = new CountingLedger();

		@Bean
		ConsentLedger userLedger() {
			return LEDGER;
		}

	}

	static final class CountingLedger implements ConsentLedger {

		private volatile int appended;

		@Override
		public void append(ConsentRecord record) {
			this.appended++;
		}

		@Override
		public Optional<ConsentRecord> findByReceiptId(String receiptId) {
			return Optional.empty();
		}

		@Override
		public long deleteOlderThan(Instant cutoff) {
			return 0;
		}

	}

}
