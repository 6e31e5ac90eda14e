package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How the cookie of orestbida's cookieconsent (version 3) is read: which cookie, which of the site's
 * categories each starter purpose needs, and the site's revision.
 * <p>
 * cookieconsent's categories are named by the site's configuration ({@code categories}); its documentation
 * names them {@code necessary}, {@code analytics} and {@code ads}. The cookie lists the accepted categories
 * only, so a mapped category that it does not list counts as refused.
 *
 * @param cookieName name of the cookie that holds the visitor's choice ({@code cc_cookie})
 * @param categories for each starter purpose, the site's categories that must all be accepted for it to be
 * granted; a category the cookie does not list denies it
 * @param revision the site's cookieconsent {@code revision}, whose other values grant nothing (refusals given
 * under them still count), or {@code null} to accept a choice of any revision
 * @since 0.3.0
 */
public record CookieConsentSettings(String cookieName, Map<String, List<String>> categories,
		@Nullable Integer revision) {

	/**
	 * The cookie cookieconsent keeps the visitor's choice in.
	 */
	public static final String DEFAULT_COOKIE_NAME = "cc_cookie";

	/**
	 * The default mapping, with the category names of cookieconsent's documentation: {@code analytics} needs
	 * {@code analytics}, {@code ads} needs {@code ads}.
	 */
	public static final Map<String, List<String>> DEFAULT_CATEGORIES = CategoryMapping.of("analytics", "analytics",
			"ads", "ads");

	public CookieConsentSettings {
		categories = CategoryMapping.copyOf(categories);
	}

	/**
	 * The settings of a site that keeps cookieconsent's defaults.
	 * @return the default cookie name and mapping, any revision
	 */
	public static CookieConsentSettings defaults() {
		return new CookieConsentSettings(DEFAULT_COOKIE_NAME, DEFAULT_CATEGORIES, null);
	}

}
