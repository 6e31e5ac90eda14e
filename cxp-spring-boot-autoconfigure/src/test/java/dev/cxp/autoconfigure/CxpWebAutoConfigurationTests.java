package dev.cxp.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cxp.internal.web.ConsentRecorder;
import dev.cxp.internal.web.servlet.ConsentController;
import dev.cxp.internal.web.servlet.CxpScriptController;
import dev.cxp.internal.web.servlet.CxpVisitorController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpWebAutoConfiguration}.
 */
class CxpWebAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class, CxpWebAutoConfiguration.class));

	@Test
	void servesTheConsentEndpointTheVisitorAndTheScriptByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ConsentController.class)
			.hasSingleBean(ConsentRecorder.class)
			.hasSingleBean(CxpVisitorController.class)
			.hasSingleBean(CxpScriptController.class));
	}

	@Test
	void consentEndpointCanBeSwitchedOffAlone() {
		this.contextRunner.withPropertyValues("cxp.web.consent-endpoint.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConsentController.class)
				.doesNotHaveBean(ConsentRecorder.class)
				.hasSingleBean(CxpVisitorController.class)
				.hasSingleBean(CxpScriptController.class));
	}

	@Test
	void servesNothingWhenTheStarterIsSwitchedOff() {
		this.contextRunner.withPropertyValues("cxp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConsentController.class)
				.doesNotHaveBean(CxpVisitorController.class)
				.doesNotHaveBean(CxpScriptController.class));
	}

	@Test
	void backsOffWithoutJackson() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("tools.jackson.databind"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ConsentController.class)
				.doesNotHaveBean(CxpScriptController.class));
	}

}
