package dev.cxp.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import reactor.core.publisher.Mono;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ReactiveConsentResolver;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.session.reactive.ReactiveVisitorSessionStore;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.reactive.ReactiveConsentController;
import dev.cxp.internal.web.reactive.ReactiveConsentPolicy;
import dev.cxp.internal.web.reactive.ReactiveCxpVisitorController;
import dev.cxp.internal.web.reactive.ReactiveVisitorRequestPath;
import dev.cxp.internal.web.reactive.VisitorIdentityWebFilter;
import dev.cxp.internal.web.servlet.ConsentController;
import dev.cxp.internal.web.servlet.CxpVisitorController;
import dev.cxp.internal.web.servlet.VisitorIdentityInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each web stack gets its own beans over the shared core, and only its own; with both stacks on the class path,
 * Spring Boot's rule (Spring MVC wins) decides.
 */
class CxpWebStacksAutoConfigurationTests {

	private static final AutoConfigurations STARTER = AutoConfigurations.of(CxpAutoConfiguration.class,
			CxpWebAutoConfiguration.class, CxpVisitorArgumentAutoConfiguration.class, CxpWebFluxAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class))
		.withConfiguration(STARTER);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class))
		.withConfiguration(STARTER);

	@Test
	void servletApplicationGetsOnlyTheServletBeans() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(ConsentResolver.class)
				.hasSingleBean(ConsentPolicy.class)
				.hasSingleBean(VisitorRequestPath.class)
				.hasSingleBean(VisitorIdentityInterceptor.class)
				.hasSingleBean(ConsentController.class)
				.hasSingleBean(CxpVisitorController.class);
			assertThat(context).doesNotHaveBean(ReactiveConsentPolicy.class)
				.doesNotHaveBean(ReactiveVisitorRequestPath.class)
				.doesNotHaveBean(ReactiveVisitorSessionStore.class)
				.doesNotHaveBean(VisitorIdentityWebFilter.class)
				.doesNotHaveBean(ReactiveConsentController.class)
				.doesNotHaveBean(ReactiveCxpVisitorController.class)
				.doesNotHaveBean(WebFluxConfigurer.class);
		});
	}

	@Test
	void reactiveApplicationGetsOnlyTheReactiveBeans() {
		this.reactive.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveConsentPolicy.class)
				.hasSingleBean(ConsentPolicy.class)
				.hasSingleBean(ReactiveVisitorRequestPath.class)
				.hasSingleBean(ReactiveVisitorSessionStore.class)
				.hasSingleBean(VisitorIdentityWebFilter.class)
				.hasSingleBean(ReactiveConsentController.class)
				.hasSingleBean(ReactiveCxpVisitorController.class);
			assertThat(context).doesNotHaveBean(ConsentResolver.class)
				.doesNotHaveBean(VisitorIdentityInterceptor.class)
				.doesNotHaveBean(ConsentController.class)
				.doesNotHaveBean(CxpVisitorController.class)
				.doesNotHaveBean(WebMvcConfigurer.class);
		});
	}

	@Test
	void followingTheSignedInUserOnWebFluxFailsStartUpNamingTheProperty() {
		this.reactive.withPropertyValues("cxp.consent.follow-user.enabled=true", "cxp.consent.ledger.visitor-id-key=k")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.follow-user.enabled is not supported on WebFlux"));
	}

	@Test
	void reactiveApplicationWithoutSpringMvcOnTheClassPathStarts() {
		this.reactive.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet", "jakarta.servlet"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(VisitorIdentityWebFilter.class));
	}

	@Test
	void bothStacksOnTheClassPathMakeAServletApplicationWithServletBeansOnly() {
		// This class path holds Spring MVC and WebFlux: Boot makes the application a servlet one
		assertThat(WebApplicationType.deduce()).isEqualTo(WebApplicationType.SERVLET);
		this.servlet.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class)).run((context) -> {
			assertThat(context).hasSingleBean(VisitorIdentityInterceptor.class);
			assertThat(context).doesNotHaveBean(VisitorIdentityWebFilter.class)
				.doesNotHaveBean(ReactiveVisitorRequestPath.class);
		});
	}

	@Test
	void reactiveResolverIsUsedWhenDeclared() {
		ReactiveConsentResolver resolver = (exchange) -> Mono.just(ConsentDecision.granted("intranet"));
		this.reactive.withBean(ReactiveConsentResolver.class, () -> resolver).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveConsentPolicy.class).doesNotHaveBean(ConsentResolver.class);
			assertThat(context.getBean(ReactiveConsentPolicy.class)).extracting("resolver").isSameAs(resolver);
		});
	}

	@Test
	void disabledReactiveStarterStillResolvesTheVisitorArgument() {
		this.reactive.withPropertyValues("cxp.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(VisitorIdentityWebFilter.class)
				.doesNotHaveBean(ReactiveCxpVisitorController.class);
			assertThat(context).hasBean("cxpVisitorArgumentWebFluxConfigurer");
		});
	}

}
