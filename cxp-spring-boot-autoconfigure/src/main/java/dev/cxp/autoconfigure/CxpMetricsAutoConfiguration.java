package dev.cxp.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.actuate.ConsentCookieMeters;
import dev.cxp.internal.actuate.CxpMeters;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.session.VisitorSessionStore;

/**
 * Auto-configuration of the starter's Micrometer meters, when a {@link MeterRegistry} exists: a
 * {@link io.micrometer.core.instrument.binder.MeterBinder} over the starter's activity counts, bound to every
 * registry by Spring Boot's metrics auto-configuration.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
		CxpAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
@ConditionalOnBean({ MeterRegistry.class, CxpActivity.class, VisitorSessionStore.class })
public final class CxpMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CxpMeters cxpMeters(CxpActivity activity, VisitorSessionStore store) {
		return new CxpMeters(activity, store);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ConsentCookieFormat.class)
	ConsentCookieMeters cxpConsentCookieMeters(ConsentCookieFormat format) {
		return new ConsentCookieMeters(format);
	}

}
