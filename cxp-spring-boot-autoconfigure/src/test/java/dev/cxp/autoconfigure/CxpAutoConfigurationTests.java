package dev.cxp.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.servlet.DefaultConsentResolver;
import dev.cxp.internal.web.servlet.VisitorIdentityInterceptor;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpAutoConfiguration} and {@link CxpVisitorArgumentAutoConfiguration}.
 */
class CxpAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, CxpAutoConfiguration.class,
				CxpVisitorArgumentAutoConfiguration.class));

	@Test
	void defaultBeansArePresent() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CxpProperties.class);
			assertThat(context).hasSingleBean(DefaultConsentResolver.class);
			assertThat(context).hasSingleBean(ConsentPolicy.class);
			assertThat(context).hasSingleBean(CxpCookies.class);
			assertThat(context).hasSingleBean(InMemoryVisitorSessionStore.class);
			assertThat(context).hasSingleBean(SessionTracker.class);
			assertThat(context).hasSingleBean(VisitorRequestPath.class);
			assertThat(context).hasSingleBean(VisitorIdentityInterceptor.class);
			assertThat(context).hasBean("cxpVisitorArgumentWebMvcConfigurer");
			assertThat(context.getBean(ConsentPolicy.class).regions().global().required()).isFalse();
		});
	}

	@Test
	void disabledGivesNoBeansButKeepsTheVisitorArgument() {
		this.contextRunner.withPropertyValues("cxp.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CxpProperties.class);
			assertThat(context).doesNotHaveBean(ConsentResolver.class);
			assertThat(context).doesNotHaveBean(ConsentPolicy.class);
			assertThat(context).doesNotHaveBean(VisitorSessionStore.class);
			assertThat(context).doesNotHaveBean(SessionTracker.class);
			assertThat(context).doesNotHaveBean(VisitorIdentityInterceptor.class);
			assertThat(context).doesNotHaveBean("cxpVisitorIdentityWebMvcConfigurer");
			assertThat(context).hasBean("cxpVisitorArgumentWebMvcConfigurer");
		});
	}

	@Test
	void userConsentResolverMakesTheDefaultBackOff() {
		this.contextRunner.withUserConfiguration(UserResolverConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ConsentResolver.class);
			assertThat(context).doesNotHaveBean(DefaultConsentResolver.class);
			assertThat(context.getBean(ConsentResolver.class))
				.isSameAs(context.getBean(UserResolverConfiguration.class).resolver);
			ConsentDecision decision = ConsentFixtures.decide(context.getBean(ConsentPolicy.class), new MockHttpServletRequest());
			assertThat(decision).isEqualTo(ConsentDecision.granted("cmp"));
		});
	}

	@Test
	void userSessionStoreMakesTheDefaultBackOff() {
		VisitorSessionStore user = new InMemoryVisitorSessionStore(java.time.Duration.ofMinutes(1),
				() -> "session", java.time.Clock.systemUTC(), 1, Long.MAX_VALUE);
		this.contextRunner.withBean(VisitorSessionStore.class, () -> user).run((context) -> {
			assertThat(context).hasSingleBean(VisitorSessionStore.class);
			assertThat(context.getBean(VisitorSessionStore.class)).isSameAs(user);
		});
	}

	@Test
	void servletApplicationWithoutSpringMvcStartsWithTheStarterBackedOff() {
		new WebApplicationContextRunner()
			.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
			.withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class, CxpWebAutoConfiguration.class,
					CxpVisitorArgumentAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(CxpProperties.class);
				assertThat(context).doesNotHaveBean(CxpActivity.class);
				assertThat(context).doesNotHaveBean(VisitorRequestPath.class);
			});
	}

	@Test
	void requiredPropertyReachesThePolicy() {
		this.contextRunner.withPropertyValues("cxp.consent.required=true")
			.run((context) -> assertThat(context.getBean(ConsentPolicy.class).regions().global().required()).isTrue());
	}

	@Test
	void nonWebContextGetsNoInterceptor() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class,
					CxpVisitorArgumentAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(VisitorIdentityInterceptor.class);
				assertThat(context).doesNotHaveBean(WebMvcConfigurer.class);
			});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			cxp.session.timeout              | -5m    | cxp.session.timeout
			cxp.session.timeout              | 0s     | cxp.session.timeout
			cxp.visitor.max-age              | -1d    | cxp.visitor.max-age
			cxp.consent.max-age              | -1d    | cxp.consent.max-age
			cxp.session.redis.timeout        | -1ms   | cxp.session.redis.timeout
			cxp.session.max-entries          | 0      | cxp.session.max-entries
			cxp.visitor.same-site            | sloppy | cxp.visitor.same-site
			cxp.visitor.same-site            | none   | cxp.visitor.same-site
			cxp.visitor.cookie-name          | 'a b'  | cxp.visitor.cookie-name
			cxp.visitor.domain               | 'https://example.com/' | cxp.visitor.domain
			cxp.consent.cookie-name          | 'x;y'  | cxp.consent.cookie-name
			cxp.web.base-path                | cxp    | cxp.web.base-path
			cxp.session.store                | disk   | cxp.session.store
			cxp.consent.google-consent-mode.types.ad_storag  | ads    | cxp.consent.google-consent-mode.types.ad_storag
			cxp.consent.google-consent-mode.types.ad_storage | ads    | cxp.consent.google-consent-mode.types.ad_storage
			""")
	void invalidPropertyFailsStartUpNamingTheProperty(String property, String value, String expectedName) {
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains(expectedName);
		});
	}

	@Test
	void sameSiteNoneIsAcceptedWithSecure() {
		this.contextRunner.withPropertyValues("cxp.visitor.same-site=none", "cxp.visitor.secure=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			__Host-cxp_consent   |                                          | cxp.visitor.secure=true
			__Host-cxp_consent   | cxp.visitor.domain=example.test         | cxp.visitor.secure=true
			__Host-cxp_consent   | cxp.visitor.secure=true                  | cxp.visitor.domain to be unset
			__Secure-cxp_consent |                                          | cxp.visitor.secure=true
			""")
	void prefixedConsentCookieNameFailsStartUpWhenTheCookieCannotSatisfyIt(String name, String other,
			String requirement) {
		WebApplicationContextRunner runner = this.contextRunner.withPropertyValues("cxp.consent.cookie-name=" + name);
		if (other != null) {
			runner = runner.withPropertyValues(other, "cxp.visitor.domain=example.test");
		}
		runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("cxp.consent.cookie-name=" + name)
				.contains(requirement);
		});
	}

	@Test
	void hostPrefixedConsentCookieIsAcceptedWhenSecureAndHostOnly() {
		this.contextRunner.withPropertyValues("cxp.consent.cookie-name=__Host-cxp_consent", "cxp.visitor.secure=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolverConfiguration {

		final ConsentResolver resolver = (request) -> ConsentDecision.granted("cmp");

		@Bean
		ConsentResolver cmpConsentResolver() {
			return this.resolver;
		}

	}

}
