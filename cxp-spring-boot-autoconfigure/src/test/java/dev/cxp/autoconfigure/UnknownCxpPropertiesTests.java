package dev.cxp.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * SPEC S16.3: a {@code cxp.*} property that does not exist fails start-up, naming it and the property meant, so that
 * a typo never leaves a privacy setting at its default; every property the starter documents binds.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownCxpPropertiesTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, CxpAutoConfiguration.class));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "cxp.consent.requried=true|cxp.consent.required",
			"cxp.consent.region.headr=CF-IPCountry|cxp.consent.region.header",
			"cxp.consent.regions.DE.requried=true|cxp.consent.regions.de.required",
			"cxp.consent.tcf.enable=true|cxp.consent.tcf.enabled",
			"cxp.consent.ledger.retension=30d|cxp.consent.ledger.retention",
			"cxp.session.timout=10m|cxp.session.timeout", "cxp.enable=false|cxp.enabled",
			"cxp.visitor.cokie-name=_mspi|cxp.visitor.cookie-name" })
	void aMisspeltPropertyFailsStartUpNamingThePropertyMeant(String property, String meant) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new UnknownCxpPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			String unknown = property.substring(0, property.indexOf('=')).replace("DE", "de");
			assertThat(analysis.getDescription()).contains(unknown).contains("did you mean " + meant + "?");
			assertThat(analysis.getAction()).contains("docs/configuration.md");
		});
	}

	@Test
	void aPropertyFarFromAnyIsNamedWithoutAGuessAndNoValueIsShown() {
		this.contextRunner.withPropertyValues("cxp.something-else=secret-value-1234").run((context) -> {
			FailureAnalysis analysis = new UnknownCxpPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("cxp.something-else")
				.doesNotContain("did you mean")
				.doesNotContain("secret-value-1234");
		});
	}

	@Test
	void everyDocumentedKindOfPropertyBinds() {
		this.contextRunner
			.withPropertyValues("cxp.enabled=true", "cxp.consent.required=true", "cxp.consent.purposes=analytics,ads",
					"cxp.consent.tracking-purpose=analytics", "cxp.consent.revision=2",
					"cxp.consent.denied-max-age=30d", "cxp.consent.region.header=CF-IPCountry",
					"cxp.consent.region.subdivision-header=CF-Region", "cxp.consent.regions.EEA.required=true",
					"cxp.consent.regions[US-CA].honor-global-privacy-control=true",
					"cxp.consent.signing.keys[0]=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
					"cxp.consent.tcf.enabled=false", "cxp.consent.tcf.purposes.ads=1,2,3,4",
					"cxp.consent.tcf.use-publisher-segment=true", "cxp.consent.gpp.opt-out-denies=ads",
					"cxp.consent.gpp.sid-cookie-name=sid", "cxp.consent.ledger.retention=30d",
					"cxp.consent.ledger.record-ip=truncated", "cxp.consent.ledger.max-write-burst=5",
					"cxp.visitor.domain=example.com", "cxp.visitor.same-site=strict", "cxp.session.timeout=10m",
					"cxp.session.redis.key-prefix=site:", "cxp.session.max-memory=10MB",
					"cxp.tracking.exclude-patterns=/health/**", "cxp.web.base-path=/consent-api",
					"cxp.web.consent-endpoint.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void anApplicationThatStartsWithATypoTellsWhatWasMeant(CapturedOutput output) {
		SpringApplication application = new SpringApplication(TestSite.class);
		assertThatException().isThrownBy(() -> application.run("--cxp.consent.requried=true", "--server.port=0",
				"--spring.main.banner-mode=off"));
		assertThat(output).contains("cxp.consent.requried").contains("did you mean cxp.consent.required?");
	}

}
