package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;

/**
 * How Cookiebot's cookie is read: which cookie, and which Cookiebot categories each starter purpose needs.
 * <p>
 * Cookiebot's categories are fixed: {@code necessary}, {@code preferences}, {@code statistics} and
 * {@code marketing}.
 *
 * @param cookieName name of the cookie that holds the visitor's choice ({@code CookieConsent})
 * @param categories for each starter purpose, the Cookiebot categories that must all be accepted for it to be
 * granted; a refusal of any of them denies it
 * @since 0.3.0
 */
public record CookiebotSettings(String cookieName, Map<String, List<String>> categories) {

	/**
	 * The cookie Cookiebot keeps the visitor's choice in.
	 */
	public static final String DEFAULT_COOKIE_NAME = "CookieConsent";

	/**
	 * The default mapping: {@code analytics} needs {@code statistics}, {@code ads} needs {@code marketing}.
	 */
	public static final Map<String, List<String>> DEFAULT_CATEGORIES = CategoryMapping.of("analytics", "statistics",
			"ads", "marketing");

	public CookiebotSettings {
		categories = CategoryMapping.copyOf(categories);
	}

	/**
	 * The settings of a site that keeps Cookiebot's defaults.
	 * @return the default cookie name and mapping
	 */
	public static CookiebotSettings defaults() {
		return new CookiebotSettings(DEFAULT_COOKIE_NAME, DEFAULT_CATEGORIES);
	}

}
