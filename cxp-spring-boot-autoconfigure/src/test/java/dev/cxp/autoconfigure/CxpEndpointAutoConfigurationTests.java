package dev.cxp.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.actuate.CxpEndpoint;
import dev.cxp.internal.platform.PlatformCookies;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpEndpointAutoConfiguration}.
 */
class CxpEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				WebMvcAutoConfiguration.class, MetricsAutoConfiguration.class, CxpAutoConfiguration.class,
				CxpVisitorArgumentAutoConfiguration.class, CxpWebAutoConfiguration.class,
				CxpMetricsAutoConfiguration.class, CxpEndpointAutoConfiguration.class));

	@Test
	void endpointOnlyWhenExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(CxpEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=cxp")
			.run((context) -> assertThat(context).hasSingleBean(CxpEndpoint.class));
	}

	@Test
	void withoutActuatorTheStarterStillStarts() {
		// Imported as an application imports it: the import filter reads @ConditionalOnClass from metadata, so
		// the class-level endpoint condition, whose class is missing, is never loaded
		new WebApplicationContextRunner().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withUserConfiguration(StarterOnly.class)
			.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(CxpEndpoint.class);
				assertThat(context).hasSingleBean(CxpActivity.class);
			});
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@org.springframework.boot.autoconfigure.ImportAutoConfiguration({ WebMvcAutoConfiguration.class,
			CxpAutoConfiguration.class, CxpEndpointAutoConfiguration.class })
	static class StarterOnly {

	}

	@Test
	void userEndpointMakesTheDefaultBackOff() {
		CxpEndpoint user = new CxpEndpoint(null, new CxpActivity(), new InMemoryVisitorSessionStore(
				java.time.Duration.ofMinutes(1), () -> "session", java.time.Clock.systemUTC(), 1, Long.MAX_VALUE), null,
				new PlatformCookies(java.util.List.of()), null, null);
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=cxp")
			.withBean(CxpEndpoint.class, () -> user)
			.run((context) -> assertThat(context.getBean(CxpEndpoint.class)).isSameAs(user));
	}

	@Test
	void disabledStarterWithAUserStoreAndEveryEndpointExposedRegistersOnlyTheVisitorArgument() {
		VisitorSessionStore user = new InMemoryVisitorSessionStore(java.time.Duration.ofMinutes(1), () -> "session",
				java.time.Clock.systemUTC(), 1, Long.MAX_VALUE);
		this.contextRunner.withPropertyValues("cxp.enabled=false", "management.endpoints.web.exposure.include=*")
			.withBean(VisitorSessionStore.class, () -> user)
			.withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class,
					io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<String> starterBeans = Arrays.stream(context.getBeanDefinitionNames())
					.filter((name) -> {
						Class<?> type = context.getType(name);
						return type != null && type.getName().startsWith("dev.cxp.");
					})
					.filter((name) -> context.getBean(name) != user)
					.toList();
				assertThat(starterBeans).containsExactlyInAnyOrder(CxpVisitorArgumentAutoConfiguration.class.getName(),
						"cxpVisitorArgumentWebMvcConfigurer");
				assertThat(context).hasBean("cxpVisitorArgumentWebMvcConfigurer");
			});
	}

}
