package dev.cxp.internal.consent;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentRegion;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.web.servlet.TestExchanges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConsentRegions}, {@link ConsentRegion} and {@link RegionCodes}.
 */
class ConsentRegionsTests {

	private static final String COUNTRY = "CF-IPCountry";

	private static final String SUBDIVISION = "CloudFront-Viewer-Country-Region";

	private final ConsentRegions regions = new ConsentRegions(COUNTRY, SUBDIVISION, false, true, configured());

	private static Map<String, RegionSettings> configured() {
		Map<String, RegionSettings> regions = new LinkedHashMap<>();
		regions.put("EEA", new RegionSettings(true, null));
		regions.put("fr", new RegionSettings(null, false));
		regions.put("US", new RegionSettings(null, false));
		regions.put("US-CA", new RegionSettings(null, true));
		regions.put("US-CO", new RegionSettings(true, null));
		return regions;
	}

	private ConsentRegion resolve(String country, String subdivision) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (country != null) {
			request.addHeader(COUNTRY, country);
		}
		if (subdivision != null) {
			request.addHeader(SUBDIVISION, subdivision);
		}
		return this.regions.resolve(TestExchanges.consentRequest(request));
	}

	@ParameterizedTest(name = "{0} / {1} -> {2} required={3} gpc={4}")
	@CsvSource(nullValues = "null", value = { "US,CA,US-CA,false,true", "US,US-CA,US-CA,false,true",
			"us,ca,US-CA,false,true", "US,TX,US,false,false", "US,null,US,false,false", "US,CO,US-CO,true,false",
			"US,CA-US,US,false,false", "US,GB-CA,US,false,false", "US,XCA,US,false,false", "DE,null,DE,true,true",
			"DE,CA,DE,true,true", "NO,null,NO,true,true", "FR,null,FR,true,false", "GB,null,GB,false,true",
			"JP,null,JP,false,true", "CH,null,CH,false,true", "AT,null,AT,true,true", "CA,null,CA,false,true",
			"za,null,ZA,false,true", "at,null,AT,true,true" })
	void mostSpecificRegionWins(String country, String subdivision, String code, boolean required, boolean gpc) {
		assertThat(resolve(country, subdivision)).isEqualTo(new ConsentRegion(code, required, gpc));
	}

	@ParameterizedTest(name = "country [{0}]")
	@ValueSource(strings = { "", "XX", "T1", "A1", "ZZ", "UK", "EU", "EEA", "D", "DEU", "D\u00e9", "1\r", "D E",
			"  ", "US-CA", "1T", "B1", "@T", "B[", "`T", "B{" })
	void unknownOrMalformedCountriesGetTheGlobalSettings(String country) {
		assertThat(resolve(country, "CA")).isSameAs(this.regions.global());
		assertThat(resolve(country, null).code()).isNull();
	}

	@Test
	void missingHeaderGetsTheGlobalSettings() {
		assertThat(resolve(null, "CA")).isEqualTo(new ConsentRegion(null, false, true));
	}

	@Test
	void withoutACountryHeaderRegionsAreOff() {
		ConsentRegions off = new ConsentRegions(null, SUBDIVISION, true, false, configured());
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader(COUNTRY, "US");
		request.addHeader(SUBDIVISION, "CA");
		assertThat(off.isEnabled()).isFalse();
		assertThat(off.resolve(TestExchanges.consentRequest(request))).isEqualTo(new ConsentRegion(null, true, false));
	}

	@Test
	void everyEeaCountryIsInTheGroup() {
		assertThat(RegionCodes.EEA_COUNTRIES).hasSize(30).allMatch(RegionCodes::isCountry);
		for (String country : RegionCodes.EEA_COUNTRIES) {
			assertThat(resolve(country, null).required()).as(country).isTrue();
		}
		assertThat(RegionCodes.EEA_COUNTRIES).doesNotContain("GB", "CH");
	}

	@Test
	void configuredCodesAreCanonical() {
		assertThat(this.regions.configured()).containsOnlyKeys("EEA", "FR", "US", "US-CA", "US-CO");
	}

	@Test
	void ukIsRefusedWithAHintForGb() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentRegions(COUNTRY, null, false, true, Map.of("UK", new RegionSettings(true, null))))
			.withMessageContaining("cxp.consent.regions.UK")
			.withMessageContaining("'GB'");
	}

	@Test
	void aRegionConfiguredTwiceInAnotherCaseIsRefused() {
		Map<String, RegionSettings> twice = new LinkedHashMap<>();
		twice.put("DE", new RegionSettings(true, null));
		twice.put("de", new RegionSettings(false, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new ConsentRegions(COUNTRY, null, false, true, twice))
			.withMessageContaining("cxp.consent.regions.de")
			.withMessageContaining("twice");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "de,DE", "eea,EEA", "us-az,US-AZ", "GB-ENG,GB-ENG", "jp-09,JP-09", "FR-2A,FR-2A", "ES-M,ES-M" })
	void validCodesAreBroughtToTheirCanonicalForm(String code, String canonical) {
		assertThat(RegionCodes.canonical("cxp.consent.regions." + code, code)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "XX", "EU", "DEU", "U", "US-", "US-ABCD", "US_CA", "XX-CA", "US-C A", "", "EEA-DE" })
	void invalidCodesAreRefusedNamingTheProperty(String code) {
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCodes.canonical("cxp.consent.regions." + code, code))
			.withMessageStartingWith("cxp.consent.regions." + code);
	}

	@Test
	void effectivenessFollowsTheRegionsRequiredSetting() {
		ConsentRegion strict = new ConsentRegion("DE", true, true);
		ConsentRegion lenient = new ConsentRegion("US", false, true);
		assertThat(strict.isEffective(ConsentState.UNSPECIFIED)).isFalse();
		assertThat(lenient.isEffective(ConsentState.UNSPECIFIED)).isTrue();
		assertThat(lenient.isEffective(ConsentState.DENIED)).isFalse();
		assertThat(strict.isEffective(ConsentState.GRANTED)).isTrue();
	}

}
