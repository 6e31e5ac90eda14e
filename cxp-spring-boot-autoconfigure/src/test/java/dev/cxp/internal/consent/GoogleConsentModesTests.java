package dev.cxp.internal.consent;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GoogleConsentModes}: the default mapping follows the configured purposes, and the site's own
 * mapping overrides it type by type.
 */
class GoogleConsentModesTests {

	@Test
	void analyticsAndAdsAreMappedByDefault() {
		GoogleConsentModes modes = GoogleConsentModes.of(Map.of(),
				ConsentPurposes.of(List.of("analytics", "ads"), "analytics"));
		assertThat(modes.signals(Set.of("analytics")::contains)).containsExactly(
				Map.entry("analytics_storage", "granted"), Map.entry("ad_storage", "denied"),
				Map.entry("ad_user_data", "denied"), Map.entry("ad_personalization", "denied"));
		assertThat(modes.json(Set.of("ads")::contains)).isEqualTo("{\"analytics_storage\":\"denied\","
				+ "\"ad_storage\":\"granted\",\"ad_user_data\":\"granted\",\"ad_personalization\":\"granted\"}");
	}

	@Test
	void withoutAnAdsPurposeOnlyAnalyticsIsSignalled() {
		GoogleConsentModes modes = GoogleConsentModes.of(Map.of(), ConsentPurposes.defaults());
		assertThat(modes.signals((purpose) -> true)).containsExactly(Map.entry("analytics_storage", "granted"));
	}

	@Test
	void withoutAnAnalyticsPurposeOnlyTheAdTypesAreSignalled() {
		GoogleConsentModes modes = GoogleConsentModes.of(Map.of(), ConsentPurposes.of(List.of("ads"), "ads"));
		assertThat(modes.signals((purpose) -> true)).containsExactly(Map.entry("ad_storage", "granted"),
				Map.entry("ad_user_data", "granted"), Map.entry("ad_personalization", "granted"));
	}

	@Test
	void theSitesMappingOverridesTheDefaultAndAddsTypes() {
		GoogleConsentModes modes = GoogleConsentModes.of(
				Map.of("ad_personalization", "personalization", "analytics_storage", "stats"),
				ConsentPurposes.of(List.of("ads", "personalization", "stats"), "ads"));
		assertThat(modes.signals(Set.of("personalization", "stats")::contains)).containsExactly(
				Map.entry("analytics_storage", "granted"), Map.entry("ad_storage", "denied"),
				Map.entry("ad_user_data", "denied"), Map.entry("ad_personalization", "granted"));
	}

}
