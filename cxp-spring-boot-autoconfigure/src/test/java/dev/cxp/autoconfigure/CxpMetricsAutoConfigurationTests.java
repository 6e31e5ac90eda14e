package dev.cxp.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.actuate.CxpMeters;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpMetricsAutoConfiguration}.
 */
class CxpMetricsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, MetricsAutoConfiguration.class,
				CxpAutoConfiguration.class, CxpMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void metersReadTheActivityCounts() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CxpMeters.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(CxpActivity.class).visitorCreated();
			context.getBean(CxpActivity.class).visitorCreated();
			assertThat(registry.get("cxp.visitors.created").functionCounter().count()).isEqualTo(2);
		});
	}

	@Test
	void noRegistryNoMeters() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, CxpAutoConfiguration.class,
					CxpMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CxpMeters.class));
	}

	@Test
	void disabledStarterRegistersNoMetersEvenWithAUserStore() {
		VisitorSessionStore user = new InMemoryVisitorSessionStore(java.time.Duration.ofMinutes(1), () -> "session",
				java.time.Clock.systemUTC(), 1, Long.MAX_VALUE);
		this.contextRunner.withPropertyValues("cxp.enabled=false")
			.withBean(VisitorSessionStore.class, () -> user)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CxpMeters.class);
				assertThat(context.getBean(MeterRegistry.class).find("cxp.sessions.active").meter()).isNull();
			});
	}

}
