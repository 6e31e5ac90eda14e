package dev.cxp.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpPropertyNames}.
 */
class CxpPropertyNamesTests {

	private final CxpPropertyNames names = CxpPropertyNames.of();

	@Test
	void everyPropertyIsNamedNestedOnesAndMapsIncluded() {
		assertThat(this.names.names()).contains("cxp.enabled", "cxp.consent.required", "cxp.consent.signing.keys",
				"cxp.consent.regions.*.required", "cxp.consent.regions.*.honor-global-privacy-control",
				"cxp.consent.tcf.purposes.*", "cxp.consent.ledger.visitor-id-key", "cxp.session.redis.key-prefix",
				"cxp.web.consent-endpoint.enabled")
			.doesNotContain("cxp.consent", "cxp.consent.regions", "cxp.consent.tcf");
	}

	@Test
	void theNearestNameIsGivenForATypoOnly() {
		assertThat(this.names.nearest("cxp.consent.requried")).isEqualTo("cxp.consent.required");
		assertThat(this.names.nearest("cxp.consent.regions.us-ca.requried")).isEqualTo("cxp.consent.regions.us-ca.required");
		assertThat(this.names.nearest("cxp.consent.tcf.purposes.ads.extra")).isNull();
		assertThat(this.names.nearest("cxp.completely-different")).isNull();
	}

}
