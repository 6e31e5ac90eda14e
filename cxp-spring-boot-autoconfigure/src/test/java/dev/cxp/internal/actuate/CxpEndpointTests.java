package dev.cxp.internal.actuate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.autoconfigure.CxpAutoConfiguration;
import dev.cxp.autoconfigure.CxpEndpointAutoConfiguration;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.servlet.TestExchanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpEndpoint} and its auto-configuration.
 */
class CxpEndpointTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				CxpAutoConfiguration.class, CxpEndpointAutoConfiguration.class));

	@Test
	void endpointExistsOnlyWhenExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(CxpEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=cxp")
			.run((context) -> assertThat(context).hasSingleBean(CxpEndpoint.class));
	}

	@Test
	void endpointReportsConfigurationAndFigures() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=cxp", "cxp.consent.required=true",
					"cxp.session.timeout=10m", "cxp.visitor.http-only=true")
			.run((context) -> {
				VisitorRequestPath processor = context.getBean(VisitorRequestPath.class);
				MockHttpServletRequest granted = new MockHttpServletRequest("GET", "/");
				granted.addHeader("X-CXP-Consent", "granted");
				TestExchanges.process(processor, granted, new MockHttpServletResponse(), true);
				TestExchanges.process(processor, new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), true);
				CxpEndpoint.CxpDescriptor descriptor = context.getBean(CxpEndpoint.class).cxp();
				assertThat(descriptor.configuration().consentRequired()).isTrue();
				assertThat(descriptor.configuration().sessionTimeout()).hasMinutes(10);
				assertThat(descriptor.configuration().visitorCookie().httpOnly()).isTrue();
				assertThat(descriptor.configuration().consentCookie().httpOnly()).isFalse();
				assertThat(descriptor.store()).isEqualTo("memory");
				assertThat(descriptor.figures().decisions()).containsEntry(ConsentState.GRANTED, 1L)
					.containsEntry(ConsentState.UNSPECIFIED, 1L)
					.containsEntry(ConsentState.DENIED, 0L);
				assertThat(descriptor.figures().effectiveDecisions()).isEqualTo(1);
				assertThat(descriptor.figures().visitorsCreated()).isEqualTo(1);
				assertThat(descriptor.figures().sessionsStarted()).isEqualTo(1);
				assertThat(descriptor.figures().activeSessions()).isEqualTo(1);
			});
	}

	@Test
	void endpointListsPurposesRevisionAndConfiguredRegions() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=cxp",
					"cxp.consent.purposes=analytics,ads", "cxp.consent.revision=7",
					"cxp.consent.region.header=CF-IPCountry", "cxp.consent.regions.eea.required=true")
			.run((context) -> {
				CxpEndpoint.ConsentModel consent = context.getBean(CxpEndpoint.class).cxp().configuration().consent();
				assertThat(consent).isNotNull();
				assertThat(consent.names()).containsExactly("analytics", "ads");
				assertThat(consent.trackingPurpose()).isEqualTo("analytics");
				assertThat(consent.revision()).isEqualTo("7");
				assertThat(consent.regionHeader()).isEqualTo("CF-IPCountry");
				assertThat(consent.regions()).containsOnlyKeys("EEA");
				assertThat(consent.regions().get("EEA").required()).isTrue();
				assertThat(consent.regions().get("EEA").honorGlobalPrivacyControl()).isNull();
				assertThat(consent.signedCookie()).isFalse();
			});
	}

	@Test
	void endpointSaysWhetherTheConsentCookieIsSignedAndNeverShowsTheKeys() {
		String key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=cxp", "cxp.consent.signing.keys=" + key)
			.run((context) -> {
				CxpEndpoint.CxpDescriptor descriptor = context.getBean(CxpEndpoint.class).cxp();
				assertThat(descriptor.configuration().consent().signedCookie()).isTrue();
				assertThat(descriptor.toString()).doesNotContain(key);
			});
	}

}
