package dev.cxp.autoconfigure;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentRegion;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.ConsentRegions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the purposes, revision and regions that {@link CxpAutoConfiguration} configures.
 */
class CxpConsentModelAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, CxpAutoConfiguration.class));

	@Test
	void defaultsAreOnePurposeRevisionOneAndNoRegions() {
		this.contextRunner.run((context) -> {
			ConsentPurposes purposes = context.getBean(ConsentPurposes.class);
			assertThat(purposes.names()).containsExactly("analytics");
			assertThat(purposes.trackingPurpose()).isEqualTo("analytics");
			assertThat(context.getBean(ConsentCookieFormat.class).revision()).isEqualTo("1");
			assertThat(context.getBean(ConsentRegions.class).isEnabled()).isFalse();
			CxpProperties.Consent consent = context.getBean(CxpProperties.class).consent();
			assertThat(consent.deniedMaxAge()).isEqualTo(consent.maxAge()).isEqualTo(Duration.ofDays(180));
		});
	}

	@Test
	void purposesRevisionAndRegionsAreConfigured() {
		this.contextRunner
			.withPropertyValues("cxp.consent.purposes=analytics,ads,personalization",
					"cxp.consent.tracking-purpose=analytics", "cxp.consent.revision=2024-06",
					"cxp.consent.denied-max-age=30d", "cxp.consent.region.header=CF-IPCountry",
					"cxp.consent.region.subdivision-header=CloudFront-Viewer-Country-Region",
					"cxp.consent.regions.EEA.required=true", "cxp.consent.regions.US.honor-global-privacy-control=false",
					"cxp.consent.regions[US-CA].honor-global-privacy-control=true")
			.run((context) -> {
				assertThat(context.getBean(ConsentPurposes.class).names()).containsExactly("analytics", "ads",
						"personalization");
				assertThat(context.getBean(ConsentCookieFormat.class).revision()).isEqualTo("2024-06");
				assertThat(context.getBean(CxpProperties.class).consent().deniedMaxAge()).isEqualTo(Duration.ofDays(30));
				ConsentRegions regions = context.getBean(ConsentRegions.class);
				assertThat(regions.configured()).containsOnlyKeys("EEA", "US", "US-CA");
				ConsentPolicy policy = context.getBean(ConsentPolicy.class);
				assertThat(ConsentFixtures.decided(policy, request("FR", null)).region()).isEqualTo(new ConsentRegion("FR", true, true));
				assertThat(ConsentFixtures.decided(policy, request("US", "TX")).region()).isEqualTo(new ConsentRegion("US", false, false));
				assertThat(ConsentFixtures.decided(policy, request("US", "CA")).region()).isEqualTo(new ConsentRegion("US-CA", false, true));
			});
	}

	@Test
	void aRejectedSigningKeyIsNeverQuotedInTheMessage() {
		String secret = "U2VjcmV0LWJ1dC10b28tc2hvcnQ=";
		this.contextRunner
			.withPropertyValues("cxp.consent.signing.keys=" + Base64.getEncoder().encodeToString(new byte[32]) + ","
					+ secret)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cxp.consent.signing.keys[1]")
				.hasMessageNotContaining(secret));
	}

	@Test
	void signingKeysSignTheConsentCookie() {
		this.contextRunner.withPropertyValues("cxp.consent.signing.keys=" + Base64.getEncoder().encodeToString(new byte[32]))
			.run((context) -> assertThat(context.getBean(ConsentCookieFormat.class).signer()).isNotNull());
		this.contextRunner.run((context) -> assertThat(context.getBean(ConsentCookieFormat.class).signer()).isNull());
	}

	private static MockHttpServletRequest request(String country, String subdivision) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("CF-IPCountry", country);
		if (subdivision != null) {
			request.addHeader("CloudFront-Viewer-Country-Region", subdivision);
		}
		return request;
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "cxp.consent.purposes=analytics,Ads|cxp.consent.purposes",
			"cxp.consent.purposes=ads|cxp.consent.tracking-purpose",
			"cxp.consent.tracking-purpose=ads|cxp.consent.tracking-purpose",
			"cxp.consent.purposes=analytics,analytics|cxp.consent.purposes",
			"cxp.consent.revision=2.1|cxp.consent.revision", "cxp.consent.revision=a b|cxp.consent.revision",
			"cxp.consent.denied-max-age=-1s|cxp.consent.denied-max-age",
			"cxp.consent.regions.UK.required=true|use 'GB'",
			"cxp.consent.regions.XX.required=true|cxp.consent.regions.XX",
			"cxp.consent.regions[US-ABCD].required=true|cxp.consent.regions.US-ABCD",
			"cxp.consent.region.header=Bad Header|cxp.consent.region.header",
			"cxp.consent.regions.EEA.required=true|cxp.consent.region.header is not",
			"cxp.consent.signing.keys=c2hvcnQta2V5|cxp.consent.signing.keys[0] must be at least 32 bytes",
			"cxp.consent.signing.keys=not base64 at all!|cxp.consent.signing.keys[0] must be base64" })
	void invalidSettingsFailAtStartUpNamingTheProperty(String property, String message) {
		this.contextRunner.withPropertyValues(property)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(message));
	}

}
