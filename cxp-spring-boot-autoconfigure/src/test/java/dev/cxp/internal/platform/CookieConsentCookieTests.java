package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.consent.ConsentState;

import static dev.cxp.internal.platform.PlatformCookieValues.cookieConsent;
import static dev.cxp.internal.platform.PlatformCookieValues.cookies;
import static dev.cxp.internal.platform.PlatformCookieValues.encodeUriComponent;
import static dev.cxp.internal.platform.PlatformCookieValues.ordered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie of orestbida's cookieconsent, version 3, read as its script writes it.
 * <p>
 * Sources. Repository {@code orestbida/cookieconsent} (release 3.1.0): {@code src/utils/constants.js},
 * {@code COOKIE_NAME = 'cc_cookie'}; {@code src/utils/cookies.js}, {@code saveCookiePreferences} sets
 * {@code _savedCookieContent = { categories, revision, data, consentTimestamp, consentId, services,
 * languageCode }} (then {@code lastConsentTimestamp} and {@code expirationTime}), and {@code setCookie} writes
 * {@code encodeURIComponent(JSON.stringify(...))} ("Encode value (RFC compliant)"); {@code parseCookie} reads
 * it back with {@code JSON.parse(decodeURIComponent(value))}. {@code categories} holds the accepted categories
 * only ({@code deepCopy(state._acceptedCategories)}), so a refused category is absent. {@code src/core/api.js},
 * {@code retrieveState}: the consent is invalid, and asked again, when {@code consentId} is not a string, the
 * revision differs from the site's, a timestamp is missing, or {@code categories} is not an array. The
 * documentation ({@code docs/essential/getting-started.md}) names the categories {@code necessary},
 * {@code analytics} and {@code ads}.
 */
class CookieConsentCookieTests {

	private final PlatformConsentReader reader = PlatformConsentReader.cookieConsent(CookieConsentSettings.defaults());

	@Test
	void theAcceptedCategoriesGrantAndTheOthersAreRefused() {
		String value = cookieConsent(0, "necessary", "analytics");
		assertThat(value).startsWith("%7B%22categories%22%3A%5B%22necessary%22%2C%22analytics%22%5D%2C%22revision%22%3A0");
		assertThat(this.reader.read(cookies("cc_cookie", value)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
		assertThat(this.reader.name()).isEqualTo("cookieconsent");
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void acceptingEverythingGrantsEveryMappedPurpose() {
		assertThat(this.reader.read(cookies("cc_cookie", cookieConsent(0, "necessary", "analytics", "ads"))))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.GRANTED));
	}

	@Test
	void anotherRevisionThanTheSitesGrantsNothingButItsRefusalsCount() {
		PlatformConsentReader reader = PlatformConsentReader.cookieConsent(
				new CookieConsentSettings("cc_cookie", CookieConsentSettings.DEFAULT_CATEGORIES, 2));
		assertThat(reader.read(cookies("cc_cookie", cookieConsent(2, "necessary", "analytics"))))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
		assertThat(reader.read(cookies("cc_cookie", cookieConsent(1, "necessary", "analytics"))))
			.containsExactly(Map.entry("ads", ConsentState.DENIED));
	}

	@Test
	void theSitesOwnDataIsSkippedWhateverItHolds() {
		String json = "{\"categories\":[\"analytics\"],\"revision\":0,\"data\":{\"a\":[1,2.5e3,{\"b\":null}],"
				+ "\"categories\":[\"ads\"]},\"consentTimestamp\":\"t\",\"consentId\":\"i\",\"lastConsentTimestamp\":\"t\"}";
		assertThat(this.reader.read(cookies("cc_cookie", encodeUriComponent(json))))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
	}

	@Test
	void theMembersMayComeInAnyOrder() {
		String json = "{\"lastConsentTimestamp\":\"t\",\"revision\":0,\"consentId\":\"i\",\"data\":null,"
				+ "\"consentTimestamp\":\"t\",\"categories\":[\"necessary\",\"analytics\"]}";
		assertThat(this.reader.read(cookies("cc_cookie", encodeUriComponent(json))))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void aPurposeNeedsEveryMappedCategory() {
		PlatformConsentReader reader = PlatformConsentReader.cookieConsent(new CookieConsentSettings("cc_cookie",
				ordered("ads", List.of("ads", "marketing")), null));
		assertThat(reader.read(cookies("cc_cookie", cookieConsent(0, "ads", "marketing"))))
			.containsExactly(Map.entry("ads", ConsentState.GRANTED));
		assertThat(reader.read(cookies("cc_cookie", cookieConsent(0, "ads"))))
			.containsExactly(Map.entry("ads", ConsentState.DENIED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"revision\":0,\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"revision\":0,\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"revision\":0,\"consentId\":\"\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"revision\":0,\"consentId\":\"i\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"revision\":0,\"consentId\":7,\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":\"analytics\",\"revision\":0,\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\",1],\"revision\":0,\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[[\"analytics\"]],\"revision\":0,\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"revision\":\"0\",\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"revision\":0.5,\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"revision\":99999999999,\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"categories\":[],\"revision\":0,\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"revision\":0,\"consentId\":\"i\",\"consentId\":\"j\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}",
			"{\"categories\":[\"analytics\"],\"revision\":0,\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\",\"data\":{\"a\":1,\"a\":2}}",
			"{\"categories\":[\"analytics\"],\"revision\":0,\"consentId\":\"i\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"}x",
			"[{\"categories\":[\"analytics\"]}]", "null", "" })
	void aValueCookieconsentTreatsAsInvalidIsInvalid(String json) {
		assertThat(this.reader.read(cookies("cc_cookie", encodeUriComponent(json) + (json.isEmpty() ? "%" : ""))))
			.isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@Test
	void nestingDeeperThanSixteenLevelsIsInvalid() {
		String deepest = "[".repeat(15) + "]".repeat(15);
		String json = "{\"categories\":[\"analytics\"],\"revision\":0,\"consentId\":\"i\",\"consentTimestamp\":\"t\","
				+ "\"lastConsentTimestamp\":\"t\",\"data\":" + deepest + "}";
		assertThat(this.reader.read(cookies("cc_cookie", encodeUriComponent(json))))
			.containsEntry("analytics", ConsentState.GRANTED);
		assertThat(this.reader.read(cookies("cc_cookie", encodeUriComponent(json.replace(deepest, "[" + deepest + "]")))))
			.isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@Test
	void aNumberOfThirtyThreeDigitsIsInvalid() {
		String json = "{\"categories\":[\"analytics\"],\"revision\":0,\"consentId\":\"i\",\"consentTimestamp\":\"t\","
				+ "\"lastConsentTimestamp\":\"t\",\"expirationTime\":" + "9".repeat(32) + "}";
		assertThat(this.reader.read(cookies("cc_cookie", encodeUriComponent(json))))
			.containsEntry("analytics", ConsentState.GRANTED);
		assertThat(this.reader.read(cookies("cc_cookie", encodeUriComponent(json.replace("99}", "999}"))))).isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

}
