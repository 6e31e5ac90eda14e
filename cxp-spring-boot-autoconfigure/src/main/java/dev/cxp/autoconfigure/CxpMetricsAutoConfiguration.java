package dev.cxp.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.cxp.actuate.CxpMeters;
import dev.cxp.session.VisitorSessionStore;

/**
 * Auto-configuration of the starter's Micrometer meters, when a {@link MeterRegistry} exists.
 *
 * @author CXP
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
		CxpAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, VisitorSessionStore.class })
public final class CxpMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CxpMeters cxpMeters(MeterRegistry registry, VisitorSessionStore store) {
		return new CxpMeters(registry, store);
	}

}
