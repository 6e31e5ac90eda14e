package dev.cxp.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.actuate.ConsentCookieMeters;
import dev.cxp.internal.actuate.ConsentLedgerMeters;
import dev.cxp.internal.actuate.ConsentStringMeters;
import dev.cxp.internal.actuate.CxpMeters;
import dev.cxp.internal.actuate.PlatformCookieMeters;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.platform.PlatformCookies;
import dev.cxp.session.VisitorSessionStore;

/**
 * Auto-configuration of the starter's Micrometer meters, when a {@link MeterRegistry} exists: every
 * {@link io.micrometer.core.instrument.binder.MeterBinder} of the starter, each over counts its part of the
 * starter keeps anyway (activity, signed cookies, consent strings, the ledger), bound to every registry by Spring
 * Boot's metrics auto-configuration.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
		CxpAutoConfiguration.class, CxpConsentStringsAutoConfiguration.class, CxpConsentLedgerAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
@ConditionalOnBean({ MeterRegistry.class, CxpActivity.class, VisitorSessionStore.class })
public final class CxpMetricsAutoConfiguration {

	@Bean
	CxpMeters cxpMeters(CxpActivity activity, VisitorSessionStore store) {
		return new CxpMeters(activity, store);
	}

	@Bean
	@ConditionalOnBean(ConsentCookieFormat.class)
	ConsentCookieMeters cxpConsentCookieMeters(ConsentCookieFormat format) {
		return new ConsentCookieMeters(format);
	}

	@Bean
	@ConditionalOnBean(CmpConsentReader.class)
	ConsentStringMeters cxpConsentStringMeters(CmpConsentReader reader) {
		return new ConsentStringMeters(reader);
	}

	@Bean
	@ConditionalOnBean(PlatformCookies.class)
	PlatformCookieMeters cxpPlatformCookieMeters(PlatformCookies platforms) {
		return new PlatformCookieMeters(platforms);
	}

	@Bean
	@ConditionalOnBean(ConsentLedgerCounters.class)
	ConsentLedgerMeters cxpConsentLedgerMeters(ConsentLedgerCounters counters) {
		return new ConsentLedgerMeters(counters);
	}

}
