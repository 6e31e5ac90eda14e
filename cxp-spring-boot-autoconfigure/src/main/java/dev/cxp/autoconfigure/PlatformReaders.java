package dev.cxp.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.platform.CookieConsentSettings;
import dev.cxp.internal.platform.CookiebotSettings;
import dev.cxp.internal.platform.KlaroSettings;
import dev.cxp.internal.platform.OneTrustSettings;
import dev.cxp.internal.platform.PlatformConsentReader;

/**
 * The readers of the consent management platforms' cookies a site switched on ({@code cxp.consent.cmp.*}), with
 * each platform's default mapping for the configured purposes it does not map itself.
 */
final class PlatformReaders {

	private PlatformReaders() {
	}

	static List<PlatformConsentReader> of(CxpProperties.Consent consent) {
		ConsentPurposes purposes = consent.consentPurposes();
		CxpProperties.Cmp cmp = consent.cmp();
		List<PlatformConsentReader> readers = new ArrayList<>();
		if (cmp.onetrust().enabled()) {
			readers.add(PlatformConsentReader.oneTrust(new OneTrustSettings(cmp.onetrust().cookieName(),
					cmp.onetrust().alertBoxClosedCookieName(), mapping(purposes, OneTrustSettings.DEFAULT_GROUPS,
							cmp.onetrust().groups(), "cxp.consent.cmp.onetrust.groups."))));
		}
		if (cmp.cookiebot().enabled()) {
			readers.add(PlatformConsentReader.cookiebot(new CookiebotSettings(cmp.cookiebot().cookieName(),
					mapping(purposes, CookiebotSettings.DEFAULT_CATEGORIES, cmp.cookiebot().categories(),
							"cxp.consent.cmp.cookiebot.categories."))));
		}
		if (cmp.klaro().enabled()) {
			readers.add(PlatformConsentReader.klaro(new KlaroSettings(cmp.klaro().cookieName(),
					mapping(purposes, Map.of(), cmp.klaro().services(), "cxp.consent.cmp.klaro.services."))));
		}
		if (cmp.cookieconsent().enabled()) {
			readers.add(PlatformConsentReader.cookieConsent(new CookieConsentSettings(cmp.cookieconsent().cookieName(),
					mapping(purposes, CookieConsentSettings.DEFAULT_CATEGORIES, cmp.cookieconsent().categories(),
							"cxp.consent.cmp.cookieconsent.categories."),
					cmp.cookieconsent().revision())));
		}
		return readers;
	}

	// A default applies to a configured purpose the site does not map; a mapped purpose must be configured
	private static Map<String, List<String>> mapping(ConsentPurposes purposes, Map<String, List<String>> defaults,
			Map<String, List<String>> configured, String property) {
		for (String purpose : configured.keySet()) {
			if (!purposes.contains(purpose)) {
				throw new IllegalStateException(property + purpose + " is not one of the purposes in "
						+ "cxp.consent.purposes " + purposes.names() + ": add it there, or remove it here");
			}
		}
		Map<String, List<String>> mapping = new LinkedHashMap<>();
		defaults.forEach((purpose, categories) -> {
			if (purposes.contains(purpose) && !configured.containsKey(purpose)) {
				mapping.put(purpose, categories);
			}
		});
		mapping.putAll(configured);
		return mapping;
	}

}
