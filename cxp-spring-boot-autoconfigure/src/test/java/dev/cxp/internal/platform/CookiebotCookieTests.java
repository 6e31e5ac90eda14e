package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.consent.ConsentState;

import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_EXPLICIT;
import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_EXPLICIT_TCF;
import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_IMPLIED;
import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_NO_CONSENT_NEEDED;
import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_WITHOUT_METHOD;
import static dev.cxp.internal.platform.PlatformCookieValues.cookies;
import static dev.cxp.internal.platform.PlatformCookieValues.ordered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cookiebot's {@code CookieConsent} cookie, read as Cookiebot's script writes it.
 * <p>
 * Sources. Cybot's own WordPress plugin, repository {@code CybotAS/CookiebotWP}, file
 * {@code documentation/CookiebotAPI.md}, reads the cookie on the server: {@code case "0": //The user has not
 * accepted cookies - set strictly necessary cookies only}, {@code case "-1": //The user is not within a region
 * that requires consent - all cookies are accepted}, and otherwise "Read current user consent in encoded
 * JavaScript format" with the members {@code preferences}, {@code statistics} and {@code marketing}. Cookiebot's
 * developer documentation (https://www.cookiebot.com/en/developer/) on {@code consent.method}: "Either 'implied'
 * when a consent is given automatically or 'explicit' when given by the user. If there is no consent the value
 * is null. If the consent method is unknown (old consents) it is considered 'implied'." Cookies that browsers
 * sent to real sites show the literal as written, its quotes and commas escaped and nothing else
 * ({@code {stamp:%27...==%27%2Cnecessary:true%2Cpreferences:false%2C...%2Cmethod:%27explicit%27%2Cver:1%2Cutc:...
 * %2Cregion:%27de%27}}), the members {@code iab2} and {@code gacm} in TCF mode, and how newer versions write
 * the region that needs no consent: {@code stamp:%27-1%27} with every category on and the method implied.
 */
class CookiebotCookieTests {

	private final PlatformConsentReader reader = PlatformConsentReader.cookiebot(CookiebotSettings.defaults());

	@Test
	void anExplicitChoiceIsReadCategoryByCategory() {
		assertThat(this.reader.read(cookies("CookieConsent", COOKIEBOT_EXPLICIT)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
		assertThat(this.reader.name()).isEqualTo("cookiebot");
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void aChoiceInTcfModeCarriesItsStringsAlong() {
		assertThat(this.reader.read(cookies("CookieConsent", COOKIEBOT_EXPLICIT_TCF)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.GRANTED));
	}

	@Test
	void noConsentNeededInTheVisitorsRegionSaysNothing() {
		assertThat(this.reader.read(cookies("CookieConsent", "-1"))).isEmpty();
		assertThat(this.reader.read(cookies("CookieConsent", COOKIEBOT_NO_CONSENT_NEEDED))).isEmpty();
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void zeroDeniesEveryMappedPurpose() {
		assertThat(this.reader.read(cookies("CookieConsent", "0")))
			.containsExactly(Map.entry("analytics", ConsentState.DENIED), Map.entry("ads", ConsentState.DENIED));
	}

	@Test
	void consentGivenWithoutAskingGrantsNothing() {
		assertThat(this.reader.read(cookies("CookieConsent", COOKIEBOT_IMPLIED))).isEmpty();
		String impliedWithRefusal = COOKIEBOT_IMPLIED.replace("marketing:true", "marketing:false");
		assertThat(this.reader.read(cookies("CookieConsent", impliedWithRefusal)))
			.containsExactly(Map.entry("ads", ConsentState.DENIED));
	}

	@Test
	void anOldConsentWithoutAMethodCountsAsImpliedSoOnlyItsRefusalsCount() {
		assertThat(this.reader.read(cookies("CookieConsent", COOKIEBOT_WITHOUT_METHOD)))
			.containsExactly(Map.entry("analytics", ConsentState.DENIED), Map.entry("ads", ConsentState.DENIED));
		String acceptedWithoutMethod = COOKIEBOT_WITHOUT_METHOD.replace("false", "true");
		assertThat(this.reader.read(cookies("CookieConsent", acceptedWithoutMethod))).isEmpty();
	}

	@Test
	void aPurposeNeedsEveryMappedCategory() {
		PlatformConsentReader reader = PlatformConsentReader.cookiebot(new CookiebotSettings("CookieConsent",
				ordered("personalization", List.of("preferences", "statistics"), "analytics", List.of("statistics"),
						"other", List.of("unclassified"))));
		assertThat(reader.read(cookies("CookieConsent", COOKIEBOT_EXPLICIT))).containsExactly(
				Map.entry("personalization", ConsentState.DENIED), Map.entry("analytics", ConsentState.GRANTED));
	}

	@Test
	void theLiteralMayArriveDecodedAlready() {
		String decoded = COOKIEBOT_EXPLICIT.replace("%27", "'").replace("%2C", ",");
		assertThat(this.reader.read(cookies("CookieConsent", decoded)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{necessary:true%2Cstatistics:true%2Cmethod:%27explicit%27}",
			"{stamp:-1%2Cstatistics:true%2Cmethod:%27explicit%27}",
			"{stamp:%27a%27%2Cstatistics:true%2Cstatistics:false%2Cmethod:%27explicit%27}",
			"{stamp:%27a%27%2Cstatistics:%27yes%27%2Cmethod:%27explicit%27}",
			"{stamp:%27a%27%2Cstatistics:1%2Cmethod:%27explicit%27}",
			"{stamp:%27a%2Cstatistics:true%2Cmethod:%27explicit%27}", "{stamp:%27a%27%2Cstatistics:true%2C}",
			"{stamp:%27a%27%2Cstatistics:true", "{stamp:%27a%27%2Cstatistics:true}x", "x{stamp:%27a%27}",
			"{stamp:%27a%27%2C%20statistics:true}", "{stamp:%27a%27%2Cstatistics:truee}",
			"{stamp:%27a%27%2Cutc:12345678901234567}", "{stamp:%27a%27%2Cutc:-}", "{stamp:%27a%27%2Cutc:1.5}",
			"{stamp:%27a%27%2Cstat-istics:true}", "{stamp:%27a%27%2C:true}", "{}", "{stamp}", "{stamp:}",
			"{stamp:%27%0A%27}", "{stamp:%27%C3%A9%27}", "{stamp:%27%C3%28%27}", "{stamp:%27a%27%2", "%7Bstamp:%27a%27}%",
			"-2", "00", "- 1", "{stamp:%27a%27}{stamp:%27a%27}", "{\"stamp\":\"a\",\"statistics\":true}",
			"{stamp:%27a%27%2Cx%40:true}", "{stamp:%27a%27%2Cx[:true}", "{stamp:%27a%27%2Cx%60:true}",
			"{stamp:%27a%27%2Cx{:true}", "{stamp:%27a%27%2Cx/:true}", "{stamp:%27%1F%27}", "{stamp:%27%7F%27}" })
	void aValueCookiebotNeverWritesIsInvalid(String value) {
		assertThat(this.reader.read(cookies("CookieConsent", value))).isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@Test
	void aCategoryMayBeNamedWithEveryLetterDigitAndUnderscore() {
		PlatformConsentReader reader = PlatformConsentReader
			.cookiebot(new CookiebotSettings("CookieConsent", ordered("custom", List.of("AZaz09_"))));
		assertThat(reader.read(cookies("CookieConsent", "{stamp:%27a%27%2CAZaz09_:true%2Cmethod:%27explicit%27}")))
			.containsExactly(Map.entry("custom", ConsentState.GRANTED));
		assertThat(reader.invalidValues()).isZero();
	}

	@Test
	void aQuotedTextMayHoldEveryPrintableCharacterButTheQuote() {
		String value = "{stamp:%27 !~%27%2Cstatistics:true%2Cmethod:%27explicit%27%2Cregion:%27 %27}".replace(" ", "%20");
		assertThat(this.reader.read(cookies("CookieConsent", value)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED));
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void aValueCutShortAnywhereIsNotCookiebotsAndReadingItNeverThrows() {
		CookiebotCookieFormat format = new CookiebotCookieFormat();
		String decoded = COOKIEBOT_EXPLICIT_TCF.replace("%27", "'").replace("%2C", ",");
		for (String value : List.of(COOKIEBOT_EXPLICIT_TCF, decoded, "{stamp:'a',ver:-1}")) {
			assertThat(format.read(value)).isNotNull();
			for (int end = 0; end < value.length(); end++) {
				assertThat(format.read(value.substring(0, end))).as(value.substring(0, end)).isNull();
			}
		}
	}

	@Test
	void aNameOfThirtyThreeCharactersIsInvalid() {
		String member = "x".repeat(32);
		String value = "{stamp:%27a%27%2C" + member + ":true%2Cstatistics:true%2Cmethod:%27explicit%27}";
		assertThat(this.reader.read(cookies("CookieConsent", value))).containsEntry("analytics", ConsentState.GRANTED);
		assertThat(this.reader.read(cookies("CookieConsent", value.replace(member, member + "x")))).isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

}
