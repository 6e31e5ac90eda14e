package dev.cxp.internal.actuate;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.autoconfigure.CxpAutoConfiguration;
import dev.cxp.autoconfigure.CxpConsentStringsAutoConfiguration;
import dev.cxp.autoconfigure.CxpEndpointAutoConfiguration;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.servlet.DefaultConsentResolver;
import dev.cxp.internal.web.servlet.TestExchanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpEndpoint} and its auto-configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
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

	@Test
	void endpointShowsTheResolverInUseAndItsSourcesInOrder() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=cxp")
			.withBean("siteSource", ConsentSource.class, () -> new ConsentSource() {

				@Override
				public String name() {
					return "site-cmp";
				}

				@Override
				public Map<String, ConsentState> states(ConsentRequest request) {
					return Map.of();
				}

			})
			.run((context) -> {
				CxpEndpoint.ConsentModel consent = context.getBean(CxpEndpoint.class).cxp().configuration().consent();
				assertThat(consent.resolver()).isEqualTo(DefaultConsentResolver.class.getName());
				assertThat(consent.sources()).containsExactly("header", "cookie", "site-cmp");
			});
	}

	@Test
	void aReplacedResolverIsShownAndTheStartUpLogNamesWhatItNoLongerConsults(CapturedOutput output) {
		ConsentResolver site = (request) -> ConsentDecision.unspecified();
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=cxp", "cxp.consent.tcf.enabled=true")
			.withConfiguration(AutoConfigurations.of(CxpConsentStringsAutoConfiguration.class))
			.withBean(ConsentResolver.class, () -> site)
			.run((context) -> {
				CxpEndpoint.ConsentModel consent = context.getBean(CxpEndpoint.class).cxp().configuration().consent();
				assertThat(consent.resolver()).isEqualTo(site.getClass().getName());
				assertThat(consent.sources()).isEmpty();
				assertThat(output).containsOnlyOnce("replaces the starter's sources of consent")
					.contains("no longer consults: header, cookie, tcf.");
			});
	}

}
