package dev.cxp.internal.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentState;

import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_EXPLICIT;
import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_NO_CONSENT_NEEDED;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_ALERT_BOX_CLOSED;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_CHOSEN;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_DEFAULTS;
import static dev.cxp.internal.platform.PlatformCookieValues.cookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every platform reader does whatever the platform: copies of a cookie combine with denial winning, an
 * unreadable or oversized copy is skipped and counted, and what a value says is cached by the value.
 */
class PlatformConsentReaderTests {

	private final PlatformConsentReader cookiebot = PlatformConsentReader.cookiebot(CookiebotSettings.defaults());

	private final PlatformConsentReader oneTrust = PlatformConsentReader.oneTrust(OneTrustSettings.defaults());

	@Test
	void withoutTheCookieNothingIsStated() {
		assertThat(this.cookiebot.read(cookies("OptanonConsent", ONETRUST_CHOSEN))).isEmpty();
		assertThat(this.cookiebot.read(cookies("CookieConsent", ""))).isEmpty();
		assertThat(this.cookiebot.invalidValues()).isZero();
	}

	@Test
	void aDenialInAnyCopyWinsAndAGrantStatedByOneCopyStands() {
		String allAccepted = COOKIEBOT_EXPLICIT.replace("false", "true");
		assertThat(this.cookiebot.read(cookies("CookieConsent", allAccepted, "CookieConsent", COOKIEBOT_EXPLICIT)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
		assertThat(this.cookiebot.read(cookies("CookieConsent", COOKIEBOT_EXPLICIT, "CookieConsent", "0")))
			.containsExactly(Map.entry("analytics", ConsentState.DENIED), Map.entry("ads", ConsentState.DENIED));
		assertThat(this.cookiebot.read(cookies("CookieConsent", COOKIEBOT_NO_CONSENT_NEEDED, "CookieConsent",
				allAccepted)))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.GRANTED));
	}

	@Test
	void anUnreadableCopyIsSkippedAndCounted() {
		assertThat(this.cookiebot.read(cookies("CookieConsent", "{stamp:junk", "CookieConsent", COOKIEBOT_EXPLICIT,
				"CookieConsent", "%")))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
		assertThat(this.cookiebot.invalidValues()).isEqualTo(2);
	}

	@Test
	void aValueLongerThanACookieIsInvalidUnread() {
		String longest = COOKIEBOT_EXPLICIT.replace("region:%27de%27",
				"region:%27" + "d".repeat(PlatformConsentReader.MAX_VALUE_LENGTH - COOKIEBOT_EXPLICIT.length() + 2) + "%27");
		assertThat(longest).hasSize(PlatformConsentReader.MAX_VALUE_LENGTH);
		assertThat(this.cookiebot.read(cookies("CookieConsent", longest))).containsEntry("analytics", ConsentState.GRANTED);
		assertThat(this.cookiebot.read(cookies("CookieConsent", longest.replace("region:%27", "region:%27d")))).isEmpty();
		assertThat(this.cookiebot.invalidValues()).isOne();
	}

	@Test
	void everyReadOfAnInvalidValueIsCountedEvenWhenCached() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.oneTrust.read(cookies("OptanonConsent", "groups=C0002%3A1&groups=C0002%3A1"))).isEmpty();
		}
		assertThat(this.oneTrust.invalidValues()).isEqualTo(3);
	}

	@Test
	void aValueIsParsedOnceAndThenAnsweredFromTheCache() {
		List<String> parsed = new ArrayList<>();
		PlatformCookieFormat counting = (value) -> {
			parsed.add(value);
			return new OneTrustCookieFormat().read(value);
		};
		PlatformConsentReader reader = withFormat(counting);
		for (int i = 0; i < 5; i++) {
			assertThat(reader.read(cookies("OptanonConsent", new String(ONETRUST_CHOSEN.toCharArray()))))
				.containsEntry("analytics", ConsentState.DENIED);
		}
		assertThat(parsed).hasSize(1);
	}

	@Test
	void aFormatThatThrowsReadsAsAnInvalidValue() {
		PlatformConsentReader reader = withFormat((value) -> {
			throw new IllegalStateException("a bug");
		});
		assertThat(reader.read(cookies("OptanonConsent", ONETRUST_CHOSEN))).isEmpty();
		assertThat(reader.invalidValues()).isOne();
	}

	@Test
	void theBannerClosedCookieIsReadOnlyForAValueThatNeedsIt() {
		List<String> asked = new ArrayList<>();
		Map<String, List<String>> jar = Map.of("OptanonConsent", List.of(ONETRUST_CHOSEN, ONETRUST_DEFAULTS),
				"OptanonAlertBoxClosed", List.of(ONETRUST_ALERT_BOX_CLOSED));
		Map<String, ConsentState> states = this.oneTrust.read((name) -> {
			asked.add(name);
			return jar.getOrDefault(name, List.of());
		});
		// The defaults, shown chosen by the closed banner, grant analytics; the other copy's refusal wins
		assertThat(states).containsExactly(Map.entry("analytics", ConsentState.DENIED),
				Map.entry("ads", ConsentState.GRANTED));
		assertThat(asked).containsExactly("OptanonConsent", "OptanonAlertBoxClosed");
		asked.clear();
		this.oneTrust.read((name) -> {
			asked.add(name);
			return (name.equals("OptanonConsent")) ? List.of(ONETRUST_CHOSEN) : List.of();
		});
		assertThat(asked).containsExactly("OptanonConsent");
	}

	@Test
	void withoutABannerClosedCookieToLookForTheDefaultsNeverCount() {
		PlatformConsentReader reader = new PlatformConsentReader(PlatformConsentReader.ONETRUST, "OptanonConsent", null,
				new OneTrustCookieFormat(), OneTrustSettings.DEFAULT_GROUPS);
		assertThat(reader.read(cookies("OptanonConsent", ONETRUST_DEFAULTS, "OptanonAlertBoxClosed",
				ONETRUST_ALERT_BOX_CLOSED)))
			.isEmpty();
		assertThat(reader.read(cookies("OptanonConsent", ONETRUST_CHOSEN)))
			.containsExactly(Map.entry("analytics", ConsentState.DENIED), Map.entry("ads", ConsentState.GRANTED));
		assertThat(reader.invalidValues()).isZero();
	}

	@Test
	void aMappingOfOneCategoryPerPurposeStatesThePurposesInItsOrder() {
		PlatformConsentReader reader = new PlatformConsentReader(PlatformConsentReader.ONETRUST, "OptanonConsent",
				null, new OneTrustCookieFormat(), CategoryMapping.of("ads", "C0004", "analytics", "C0002"));
		assertThat(reader.mapping()).containsExactly(Map.entry("ads", List.of("C0004")),
				Map.entry("analytics", List.of("C0002")));
		assertThat(reader.read(cookies("OptanonConsent", ONETRUST_CHOSEN)))
			.containsExactly(Map.entry("ads", ConsentState.GRANTED), Map.entry("analytics", ConsentState.DENIED));
	}

	@Test
	void theCacheKeepsAtMostItsCharactersOfValues() {
		List<String> parsed = new ArrayList<>();
		PlatformConsentReader reader = withFormat((value) -> {
			parsed.add(value);
			return PlatformChoice.NOTHING;
		});
		int length = PlatformConsentReader.MAX_VALUE_LENGTH;
		int kept = PlatformConsentReader.CACHE_CHARACTERS / length;
		List<String> values = new ArrayList<>();
		for (int i = 0; i < 2 * kept; i++) {
			values.add(String.format("%0" + length + "d", i));
		}
		values.forEach((value) -> reader.read(cookies("OptanonConsent", value)));
		assertThat(parsed).hasSize(values.size());
		parsed.clear();
		values.forEach((value) -> reader.read(cookies("OptanonConsent", value)));
		// The cache holds at most 256 of these values, so the other 256 at least are parsed again
		assertThat(parsed).hasSizeGreaterThanOrEqualTo(values.size() - kept);
	}

	@Test
	void theReaderTellsWhatItReads() {
		assertThat(this.oneTrust.cookieName()).isEqualTo("OptanonConsent");
		assertThat(this.oneTrust.mapping()).containsExactly(Map.entry("analytics", List.of("C0002")),
				Map.entry("ads", List.of("C0004")));
		assertThat(PlatformConsentReader.klaro(new KlaroSettings("klaro", Map.of())).mapping()).isEmpty();
		assertThat(PlatformConsentReader.cookieConsent(CookieConsentSettings.defaults()).cookieName())
			.isEqualTo("cc_cookie");
	}

	private static PlatformConsentReader withFormat(PlatformCookieFormat format) {
		return new PlatformConsentReader(PlatformConsentReader.ONETRUST, "OptanonConsent", null, format,
				OneTrustSettings.DEFAULT_GROUPS);
	}

}
