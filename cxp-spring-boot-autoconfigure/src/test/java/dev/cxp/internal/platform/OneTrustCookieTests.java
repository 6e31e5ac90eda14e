package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.consent.ConsentState;

import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_ALERT_BOX_CLOSED;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_CHOSEN;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_DEFAULTS;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_UNESCAPED;
import static dev.cxp.internal.platform.PlatformCookieValues.cookies;
import static dev.cxp.internal.platform.PlatformCookieValues.ordered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OneTrust's {@code OptanonConsent} cookie, read as OneTrust's script writes it.
 * <p>
 * Sources. OneTrust's knowledge base, "OneTrust Cookies"
 * (https://my.onetrust.com/articles/en_US/Knowledge/UUID-2dc719a8-4be5-8d16-1dc8-c7b4147b88e0): "The consent
 * status of a visitor is indicated using the first party OptanonConsent cookie", with {@code OptanonAlertBoxClosed}
 * written once the banner was closed. The documentation of the npm package
 * {@code @commercetools-frontend/cookie-consent} (https://npmjs.com/package/@commercetools-frontend/cookie-consent)
 * shows a whole value, {@code isGpcEnabled=0&datestamp=...&interactionCount=1&landingPath=NotLandingPage
 * &groups=C0001%3A1%2CC0002%3A0%2CC0003%3A1%2CC0004%3A1%2CC0005%3A1&geolocation=AT%3B9&AwaitingReconsent=false}:
 * "The cookie itself is URL encoded and can be parsed using URLSearchParams. The field of interest is groups",
 * with "PerformanceCookies: 'C0002'" and "TargetingCookies: 'C0004'". Cookies that browsers sent to real sites
 * show the rest: {@code interactionCount=0} and the landing page's address before any interaction; the fields
 * unescaped in version 6 of the script ({@code groups=C0002:1,C0004:1,...}); group ids other than the standard
 * ones ({@code 1:1,2:1}, {@code snc:1,SPD_BG:1}, {@code BG1259:0}).
 */
class OneTrustCookieTests {

	private final PlatformConsentReader reader = PlatformConsentReader.oneTrust(OneTrustSettings.defaults());

	@Test
	void aChoiceTheVisitorMadeIsReadGroupByGroup() {
		assertThat(this.reader.read(cookies("OptanonConsent", ONETRUST_CHOSEN)))
			.containsExactly(Map.entry("analytics", ConsentState.DENIED), Map.entry("ads", ConsentState.GRANTED));
		assertThat(this.reader.name()).isEqualTo("onetrust");
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void theDefaultsBeforeAnyInteractionSayNothing() {
		assertThat(this.reader.read(cookies("OptanonConsent", ONETRUST_DEFAULTS))).isEmpty();
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void theDefaultsCountOnceTheBannerWasClosed() {
		assertThat(this.reader.read(cookies("OptanonConsent", ONETRUST_DEFAULTS, "OptanonAlertBoxClosed",
				ONETRUST_ALERT_BOX_CLOSED)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.GRANTED));
		assertThat(this.reader.read(cookies("OptanonConsent", ONETRUST_DEFAULTS, "OptanonAlertBoxClosed", ""))).isEmpty();
	}

	@Test
	void theFieldsUnescapedByOlderScriptsReadTheSame() {
		assertThat(this.reader.read(cookies("OptanonConsent", ONETRUST_UNESCAPED)))
			.containsExactly(Map.entry("analytics", ConsentState.DENIED), Map.entry("ads", ConsentState.GRANTED));
	}

	@Test
	void whileTheSiteAsksAgainOnlyRefusalsCount() {
		String awaiting = ONETRUST_CHOSEN.replace("AwaitingReconsent=false", "AwaitingReconsent=true");
		assertThat(this.reader.read(cookies("OptanonConsent", awaiting)))
			.containsExactly(Map.entry("analytics", ConsentState.DENIED));
	}

	@Test
	void aPurposeNeedsEveryMappedGroupAndAnyRefusalDeniesIt() {
		PlatformConsentReader reader = PlatformConsentReader.oneTrust(new OneTrustSettings("OptanonConsent",
				"OptanonAlertBoxClosed", ordered("ads", List.of("C0004", "SPD_BG"), "personalization",
						List.of("C0003", "C0009"), "analytics", List.of("2"))));
		String value = "interactionCount=3&groups=C0003%3A1%2CC0004%3A1%2CSPD_BG%3A0%2C2%3A1%2CBG1259%3A0";
		assertThat(reader.read(cookies("OptanonConsent", value)))
			.containsExactly(Map.entry("ads", ConsentState.DENIED), Map.entry("analytics", ConsentState.GRANTED));
	}

	@Test
	void aSiteWithoutTheMappedGroupsStatesNothing() {
		String value = "interactionCount=1&groups=snc%3A1%2Cfnc%3A1%2Cprf%3A1%2CSPD_BG%3A1%2Ctrg%3A1%2Cgoog%3A1";
		assertThat(this.reader.read(cookies("OptanonConsent", value))).isEmpty();
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void anUnescapedLandingPageCannotAddAGroupsField() {
		String value = "interactionCount=1&landingPath=https://www.example.com/?x=1&groups=C0002:1,C0004:1"
				+ "&groups=C0002%3A0%2CC0004%3A0";
		assertThat(this.reader.read(cookies("OptanonConsent", value))).isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@Test
	void fieldsWithoutAValueAndOtherFieldsAreSkipped() {
		String value = "isGpcEnabled=1&flag&=&hosts=H1%3A1&genVendors=V2%3A0&interactionCount=1&groups=C0002%3A1";
		assertThat(this.reader.read(cookies("OptanonConsent", value)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "interactionCount=1", "interactionCount=1&groups=C0002%3A1&groups=C0002%3A1",
			"interactionCount=1&interactionCount=2&groups=C0002%3A1", "interactionCount=1&groups=C0002%3A1%2CC0002%3A0",
			"interactionCount=1&groups=C0002%3A2", "interactionCount=1&groups=C0002%3A", "interactionCount=1&groups=C0002",
			"interactionCount=1&groups=%3A1", "interactionCount=1&groups=C0002%3A1%2C", "interactionCount=1&groups=%2CC0002%3A1",
			"interactionCount=1&groups=C0002%3A11", "interactionCount=x&groups=C0002%3A1",
			"interactionCount=1234567890&groups=C0002%3A1", "interactionCount=&groups=C0002%3A1",
			"interactionCount=-1&groups=C0002%3A1", "interactionCount=1&groups=C0002%3A1&AwaitingReconsent=yes",
			"interactionCount=1&groups=C0002%3A1&AwaitingReconsent=true&AwaitingReconsent=false",
			"interactionCount=1&groups=C0002%3", "interactionCount=1&groups=C0002%ZZ1", "interactionCount=1&groups=C00%C3%282%3A1",
			"interactionCount=1&groups=C%00002%3A1", "interactionCount=1&groups=C0002+%3A1", "interactionCount=1&groups=C0%2C02%3A1",
			"interactionCount=1&groups=C0002%3A1%2CC%C3%A9%3A1" })
	void aValueOneTrustNeverWritesIsInvalid(String value) {
		assertThat(this.reader.read(cookies("OptanonConsent", value))).isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@Test
	void aGroupIdOfSixtyFiveCharactersIsInvalid() {
		String longest = "interactionCount=1&groups=" + "C".repeat(64) + "%3A1%2CC0002%3A1";
		assertThat(this.reader.read(cookies("OptanonConsent", longest))).containsEntry("analytics", ConsentState.GRANTED);
		assertThat(this.reader.read(cookies("OptanonConsent", longest.replace("C".repeat(64), "C".repeat(65)))))
			.isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "&interactionCount=1&groups=C0002%3A1", "interactionCount=1&&groups=C0002%3A1",
			"interactionCount=1&groups=C0002%3A1&" })
	void anEmptyFieldIsSkippedWhereverItStands(String value) {
		assertThat(this.reader.read(cookies("OptanonConsent", value)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED));
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void aGroupIdMayHoldEveryLetterDigitUnderscoreAndHyphen() {
		PlatformConsentReader reader = PlatformConsentReader.oneTrust(new OneTrustSettings("OptanonConsent",
				"OptanonAlertBoxClosed", ordered("ads", List.of("AZaz09_-"))));
		assertThat(reader.read(cookies("OptanonConsent", "interactionCount=1&groups=C0002%3A1%2CAZaz09_-%3A1")))
			.containsExactly(Map.entry("ads", ConsentState.GRANTED));
		assertThat(reader.invalidValues()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "C%40", "C%5B", "C%60", "C%7B", "C%2F", "C~" })
	void aGroupIdWithACharacterBesideTheAllowedOnesIsInvalid(String id) {
		assertThat(this.reader.read(cookies("OptanonConsent", "interactionCount=1&groups=C0002%3A1%2C" + id + "%3A1")))
			.isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@Test
	void anInteractionCountOfTenDigitsIsInvalid() {
		String longest = "interactionCount=" + "9".repeat(9) + "&groups=C0002%3A1";
		assertThat(this.reader.read(cookies("OptanonConsent", longest)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED));
		assertThat(this.reader.read(cookies("OptanonConsent", longest.replace("=9", "=99")))).isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@Test
	void anEmptyGroupListIsReadAsSayingNothing() {
		assertThat(this.reader.read(cookies("OptanonConsent", "interactionCount=1&groups="))).isEmpty();
		assertThat(this.reader.invalidValues()).isZero();
	}

}
