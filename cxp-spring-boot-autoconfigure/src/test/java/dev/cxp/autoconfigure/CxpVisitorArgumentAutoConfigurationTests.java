package dev.cxp.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.cxp.visitor.CxpVisitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpVisitorArgumentAutoConfiguration}: the one part of the starter that stays on when it is
 * switched off, so that controllers taking a {@code CxpVisitor} keep working.
 */
class CxpVisitorArgumentAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CxpVisitorArgumentAutoConfiguration.class));

	@Test
	void registersTheArgumentResolver() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("cxpVisitorArgumentWebMvcConfigurer"));
	}

	@Test
	void staysOnWhenTheStarterIsSwitchedOff() {
		this.contextRunner.withPropertyValues("cxp.enabled=false")
			.run((context) -> assertThat(context).hasBean("cxpVisitorArgumentWebMvcConfigurer"));
	}

	@Test
	void backsOffWithoutSpringMvc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebMvcConfigurer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("cxpVisitorArgumentWebMvcConfigurer"));
	}

}
