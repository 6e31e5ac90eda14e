package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;

/**
 * How OneTrust's cookies are read: which cookies, and which OneTrust groups each starter purpose needs.
 * <p>
 * OneTrust's standard cookie categories are the groups {@code C0001} (strictly necessary), {@code C0002}
 * (performance), {@code C0003} (functional), {@code C0004} (targeting) and {@code C0005} (social media); a site
 * may define more, and IAB TCF sites see ids such as {@code STACK42} or {@code SPD_BG}.
 *
 * @param cookieName name of the cookie that holds the visitor's choice ({@code OptanonConsent})
 * @param alertBoxClosedCookieName name of the cookie OneTrust writes once the visitor closed its banner
 * ({@code OptanonAlertBoxClosed})
 * @param groups for each starter purpose, the OneTrust group ids that must all be accepted for it to be granted;
 * a refusal of any of them denies it
 * @since 0.3.0
 */
public record OneTrustSettings(String cookieName, String alertBoxClosedCookieName, Map<String, List<String>> groups) {

	/**
	 * The cookie OneTrust keeps the visitor's choice in.
	 */
	public static final String DEFAULT_COOKIE_NAME = "OptanonConsent";

	/**
	 * The cookie OneTrust writes once its banner was closed.
	 */
	public static final String DEFAULT_ALERT_BOX_CLOSED_COOKIE_NAME = "OptanonAlertBoxClosed";

	/**
	 * The default mapping: {@code analytics} needs the performance cookies group ({@code C0002}), {@code ads}
	 * the targeting cookies group ({@code C0004}).
	 */
	public static final Map<String, List<String>> DEFAULT_GROUPS = CategoryMapping.of("analytics", "C0002", "ads",
			"C0004");

	public OneTrustSettings {
		groups = CategoryMapping.copyOf(groups);
	}

	/**
	 * The settings of a site that keeps OneTrust's defaults.
	 * @return the default cookie names and mapping
	 */
	public static OneTrustSettings defaults() {
		return new OneTrustSettings(DEFAULT_COOKIE_NAME, DEFAULT_ALERT_BOX_CLOSED_COOKIE_NAME, DEFAULT_GROUPS);
	}

}
