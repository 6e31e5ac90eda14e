package dev.cxp.autoconfigure;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.actuate.CxpSubjectsWebExtension;
import dev.cxp.internal.user.ConsentRestorer;
import dev.cxp.internal.user.SubjectRequests;
import dev.cxp.internal.user.UserLinks;
import dev.cxp.internal.user.servlet.FollowUserFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpFollowUserAutoConfiguration}.
 */
class CxpFollowUserAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, CxpAutoConfiguration.class,
				CxpWebAutoConfiguration.class, CxpConsentLedgerAutoConfiguration.class,
				CxpFollowUserAutoConfiguration.class))
		.withPropertyValues("cxp.consent.ledger.visitor-id-key=secret");

	@Test
	void offByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(UserLinks.class);
			assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
			assertThat(context).doesNotHaveBean(SubjectRequests.class);
		});
	}

	@Test
	void onWithSpringSecurityAndTheLedger() {
		this.contextRunner.withPropertyValues("cxp.consent.follow-user.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ConsentRestorer.class);
			assertThat(context).hasSingleBean(SubjectRequests.class);
			assertThat(context).getBean("cxpFollowUserFilter", FilterRegistrationBean.class)
				.satisfies((registration) -> {
					assertThat(registration.getFilter()).isInstanceOf(FollowUserFilter.class);
					assertThat(registration.getOrder()).isEqualTo(-99);
				});
			// Without Actuator's endpoint exposed, no subjects operation
			assertThat(context).doesNotHaveBean(CxpSubjectsWebExtension.class);
		});
	}

	@Test
	void filterFollowsSpringSecuritysFilterOrder() {
		this.contextRunner.withPropertyValues("cxp.consent.follow-user.enabled=true", "spring.security.filter.order=10")
			.run((context) -> assertThat(context).getBean("cxpFollowUserFilter", FilterRegistrationBean.class)
				.extracting(FilterRegistrationBean::getOrder)
				.isEqualTo(11));
	}

	@Test
	void subjectsOperationsWhenTheEndpointIsExposed() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(CxpEndpointAutoConfiguration.class))
			.withPropertyValues("cxp.consent.follow-user.enabled=true", "management.endpoints.web.exposure.include=cxp")
			.run((context) -> assertThat(context).hasSingleBean(CxpSubjectsWebExtension.class));
	}

	@Test
	void backsOffWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withPropertyValues("cxp.consent.follow-user.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(UserLinks.class);
				assertThat(context).doesNotHaveBean(ConsentRestorer.class);
				assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
			});
	}

	@Test
	void failsWithoutTheKeyNamingTheProperty() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, CxpAutoConfiguration.class,
					CxpWebAutoConfiguration.class, CxpConsentLedgerAutoConfiguration.class,
					CxpFollowUserAutoConfiguration.class))
			.withPropertyValues("cxp.consent.follow-user.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.ledger.visitor-id-key")
				.hasMessageContaining("cxp.consent.follow-user.enabled"));
	}

	@Test
	void failsWhenTheLedgerIsOffNamingTheProperty() {
		this.contextRunner.withPropertyValues("cxp.consent.follow-user.enabled=true", "cxp.consent.ledger.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.follow-user.enabled"));
	}

	@Test
	void failsWithALedgerThatKeepsNoUserLinks() {
		this.contextRunner.withUserConfiguration(LedgerOfItsOwn.class)
			.withPropertyValues("cxp.consent.follow-user.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.follow-user.enabled")
				.hasMessageContaining("supportsUserLinks"));
	}

	@Configuration(proxyBeanMethods = false)
	static class LedgerOfItsOwn {

		@Bean
		ConsentLedger consentLedger() {
			return new ConsentLedger() {

				@Override
				public void append(ConsentRecord record) {
				}

				@Override
				public Optional<ConsentRecord> findByReceiptId(String receiptId) {
					return Optional.empty();
				}

				@Override
				public long deleteOlderThan(Instant cutoff) {
					return 0;
				}

			};
		}

	}

}
