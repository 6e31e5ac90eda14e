package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.consent.ConsentState;

import static dev.cxp.internal.platform.PlatformCookieValues.cookies;
import static dev.cxp.internal.platform.PlatformCookieValues.encodeUriComponent;
import static dev.cxp.internal.platform.PlatformCookieValues.klaro;
import static dev.cxp.internal.platform.PlatformCookieValues.ordered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * klaro's cookie, read as klaro's script writes it.
 * <p>
 * Sources. Repository {@code klaro-org/klaro-js} (release 0.7.22, and the same in every branch, the TypeScript
 * rewrite included), file {@code src/consent-manager.js}: the cookie's name is
 * {@code this.config.storageName || this.config.cookieName || 'klaro'}; {@code saveConsents} writes
 * {@code encodeURIComponent(JSON.stringify(this.consents))} and {@code loadConsents} reads
 * {@code JSON.parse(decodeURIComponent(consentData))}, where {@code consents} holds, for each service of the site's
 * configuration, {@code true} or {@code false} ({@code updateConsent(name, value)}). {@code saveConsents} is called
 * when the visitor accepts, declines or saves in the notice or the modal ({@code src/components/consent-notice.jsx}),
 * so the cookie exists only once the visitor chose. File {@code src/utils/cookies.js}: the value is written as
 * given ({@code document.cookie = name + '=' + (value || '') + expires + '; SameSite=Lax'}). No version writes a
 * value other than a boolean.
 */
class KlaroCookieTests {

	private final PlatformConsentReader reader = PlatformConsentReader.klaro(new KlaroSettings("klaro",
			ordered("analytics", List.of("matomo"), "ads", List.of("google-ads", "facebook-pixel"))));

	@Test
	void aChoiceIsReadServiceByService() {
		String value = klaro(ordered("matomo", true, "google-ads", true, "facebook-pixel", false, "google-fonts", true));
		assertThat(value).startsWith("%7B%22matomo%22%3Atrue%2C%22google-ads%22%3Atrue%2C");
		assertThat(this.reader.read(cookies("klaro", value)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
		assertThat(this.reader.name()).isEqualTo("klaro");
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void aServiceAddedSinceTheChoiceLeavesItsPurposeUnstatedUnlessAnotherIsRefused() {
		assertThat(this.reader.read(cookies("klaro", klaro(ordered("matomo", true, "google-ads", true)))))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED));
		assertThat(this.reader.read(cookies("klaro", klaro(ordered("google-ads", false)))))
			.containsExactly(Map.entry("ads", ConsentState.DENIED));
	}

	@Test
	void anEmptyChoiceSaysNothing() {
		assertThat(this.reader.read(cookies("klaro", klaro(Map.of())))).isEmpty();
		assertThat(this.reader.invalidValues()).isZero();
	}

	@Test
	void theStorageNameOfTheSiteIsRead() {
		PlatformConsentReader reader = PlatformConsentReader
			.klaro(new KlaroSettings("site-consent", Map.of("analytics", List.of("matomo"))));
		assertThat(reader.read(cookies("klaro", klaro(Map.of("matomo", true))))).isEmpty();
		assertThat(reader.read(cookies("site-consent", klaro(Map.of("matomo", true)))))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"matomo\":\"true\"}", "{\"matomo\":1}", "{\"matomo\":null}", "{\"matomo\":{\"consent\":true}}",
			"{\"matomo\":[true]}", "{\"matomo\":true,\"matomo\":false}", "[{\"matomo\":true}]", "\"matomo\"", "true",
			"{\"matomo\":true}{}", "{\"matomo\":true,}", "{'matomo':true}", "{matomo:true}", "{\"matomo\":true",
			"{\"matomo\":true} x", "{\"matomo\":true /* */}", "{\"matomo\":tru}", "" })
	void aValueKlaroNeverWritesIsInvalid(String json) {
		assertThat(this.reader.read(cookies("klaro", encodeUriComponent(json) + (json.isEmpty() ? "%" : ""))))
			.isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "%7B%22matomo%22%3Atrue%7D%", "%7B%22matomo%22%3Atrue%7", "%7B%22mat%C3%28omo%22%3Atrue%7D",
			"%7B%22matomo%22%3Atrue%7D%00", "%7B%22mat omo%22%3Atrue%7D" })
	void anEncodingKlaroNeverWritesIsInvalid(String value) {
		assertThat(this.reader.read(cookies("klaro", value))).isEmpty();
		assertThat(this.reader.invalidValues()).isOne();
	}

	@Test
	void theSameJsonUnencodedReadsTheSame() {
		assertThat(this.reader.read(cookies("klaro", "{\"matomo\":true}")))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED));
	}

	@Test
	void theMarksEncodeUriComponentLeavesAsTheyAreReadAsThemselves() {
		String service = "news-_.!~*'()";
		PlatformConsentReader reader = PlatformConsentReader
			.klaro(new KlaroSettings("klaro", Map.of("analytics", List.of(service))));
		String value = klaro(Map.of(service, true));
		assertThat(value).contains(service);
		assertThat(reader.read(cookies("klaro", value))).containsExactly(Map.entry("analytics", ConsentState.GRANTED));
		assertThat(reader.invalidValues()).isZero();
	}

	@Test
	void aServiceNameBeyondNonAsciiIsReadAsEncoded() {
		PlatformConsentReader reader = PlatformConsentReader
			.klaro(new KlaroSettings("klaro", Map.of("analytics", List.of("statistik-dienst-ä"))));
		assertThat(reader.read(cookies("klaro", klaro(Map.of("statistik-dienst-ä", false)))))
			.containsExactly(Map.entry("analytics", ConsentState.DENIED));
	}

}
