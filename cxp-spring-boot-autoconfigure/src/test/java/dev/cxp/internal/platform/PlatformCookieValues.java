package dev.cxp.internal.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cookie values as the platforms' scripts write them, in the shapes found in their code, their documentation
 * and in cookies that browsers sent to real sites (identifiers, stamps and dates made up), and the request's
 * cookies as a reader takes them.
 */
public final class PlatformCookieValues {

	/**
	 * OneTrust, after the visitor refused the performance group and accepted the rest, as the documentation of
	 * the npm package {@code @commercetools-frontend/cookie-consent} shows the cookie.
	 */
	public static final String ONETRUST_CHOSEN = "isGpcEnabled=0&datestamp=Wed+Feb+01+2023+12%3A35%3A32+GMT%2B0100"
			+ "+(Central+European+Standard+Time)&version=202209.1.0&isIABGlobal=false&hosts="
			+ "&consentId=3c9d1f0e-6a2b-4e51-8f7d-2b4c6e8a0d13&interactionCount=1&landingPath=NotLandingPage"
			+ "&groups=C0001%3A1%2CC0002%3A0%2CC0003%3A1%2CC0004%3A1%2CC0005%3A1&geolocation=AT%3B9"
			+ "&AwaitingReconsent=false";

	/**
	 * OneTrust's defaults before any interaction, in an opt-out region: every group on.
	 */
	public static final String ONETRUST_DEFAULTS = "isGpcEnabled=0&datestamp=Sun+Apr+14+2024+15%3A14%3A33+GMT-0500"
			+ "+(Central+Daylight+Time)&version=202310.2.0&browserGpcFlag=0&isIABGlobal=false&hosts="
			+ "&consentId=d1a0c6e2-4b7f-4e3a-9c58-0f2e7d6b1a94&interactionCount=0"
			+ "&landingPath=https%3A%2F%2Fwww.example.com%2Fproducts&groups=C0001%3A1%2CC0003%3A1%2CC0002%3A1"
			+ "%2CC0004%3A1%2CC0005%3A1";

	/**
	 * OneTrust, version 6 of its script, which wrote the fields unescaped: performance refused, targeting
	 * accepted.
	 */
	public static final String ONETRUST_UNESCAPED = "isIABGlobal=false&datestamp=Sun+Aug+28+2022+13:45:45+GMT+0200"
			+ "+(Eastern+European+Standard+Time)&version=6.31.0&hosts=&consentId=79a1c2e3-8d4f-4e5a-9b6c-7d8e9f0a1b2c"
			+ "&interactionCount=2&landingPath=NotLandingPage&groups=C0002:0,C0004:1,C0005:1,C0001:1,C0003:1";

	/**
	 * OneTrust's banner-closed cookie: when the banner was closed.
	 */
	public static final String ONETRUST_ALERT_BOX_CLOSED = "2024-04-14T20:15:02.412Z";

	/**
	 * Cookiebot, an explicit choice: statistics accepted, preferences and marketing refused.
	 */
	public static final String COOKIEBOT_EXPLICIT = "{stamp:%27PuSKzMgziAFdTLa5FzFSr4vbvlQnA4IdhLZfeZ+9fBM/j32CWy3XGA=="
			+ "%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:true%2Cmarketing:false%2Cmethod:%27explicit%27"
			+ "%2Cver:1%2Cutc:1738313789122%2Cregion:%27de%27}";

	/**
	 * Cookiebot in IAB TCF mode, with its TC string and Google's additional consent string: everything accepted.
	 */
	public static final String COOKIEBOT_EXPLICIT_TCF = "{stamp:%27bsbAh0S+8GJxApxrZ0vTRlMm4vdAjbb28/R2BJ1175X//1yp8tvPYg=="
			+ "%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true%2Cmarketing:true%2Cmethod:%27explicit%27"
			+ "%2Cver:2%2Cutc:1715723726358%2Ciab2:%27CP-mp8AP-mp8ACGABBENAzEgAAAAAEPgAAAAAAAUVALMNCogDrAkJCDQMIoEAKg"
			+ "rCAigQAAAAkDRAQAmDAp2BgEusJEAIAUAAwQAgABRkACAAACABCIAIACgQAAQCBQAAgAQCAQAEDAACACwEAgABAdAhTAggUCwASMyIh"
			+ "TAhCgSCAlsqEEgCBBXCEIs8ACAREwUAAAAABWAAICwWBxJICVCQQJcQbQAAEACAQQgVCCTkwABAkbLUHgibRlaQBoacJAA.YAAAAAAAAAA"
			+ "A%27%2Cgacm:%272~AA==fmR2Lg==~%27%2Cregion:%27hu%27}";

	/**
	 * Cookiebot where the visitor's region needs no consent, as newer versions write it: stamp {@code -1},
	 * everything on, implied.
	 */
	public static final String COOKIEBOT_NO_CONSENT_NEEDED = "{stamp:%27-1%27%2Cnecessary:true%2Cpreferences:true"
			+ "%2Cstatistics:true%2Cmarketing:true%2Cmethod:%27implied%27%2Cver:1%2Cutc:1709627572438%2Ciab2:%27%27"
			+ "%2Cregion:%27VN%27}";

	/**
	 * Cookiebot's implied consent, given without asking where the site configured it so.
	 */
	public static final String COOKIEBOT_IMPLIED = "{stamp:%27FhyWH/RQv942XwmtK4//qossuo55S6703JaEN6VYC9BZdP1rJrv2HA=="
			+ "%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true%2Cmarketing:true%2Cmethod:%27implied%27"
			+ "%2Cver:1%2Cutc:1743879692441%2Cregion:%27in%27}";

	/**
	 * Cookiebot before it recorded the method (2020): everything but the necessary refused.
	 */
	public static final String COOKIEBOT_WITHOUT_METHOD = "{stamp:%27wAJW+NemTeuqu1nqUjwV7BCY5tGDPhnkuGAts+rOBigDH8KrCZYibQ=="
			+ "%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:false%2Cmarketing:false%2Cver:1"
			+ "%2Cutc:1606236608725%2Cregion:%27lt%27}";

	private PlatformCookieValues() {
	}

	/**
	 * klaro's cookie for a choice, as {@code encodeURIComponent(JSON.stringify(consents))} writes it.
	 * @param consents each service and whether it was accepted, in order
	 * @return the cookie value
	 */
	public static String klaro(Map<String, Boolean> consents) {
		StringBuilder json = new StringBuilder("{");
		consents.forEach((service, accepted) -> json.append((json.length() > 1) ? "," : "")
			.append('"')
			.append(service)
			.append("\":")
			.append(accepted));
		return encodeUriComponent(json.append('}').toString());
	}

	/**
	 * cookieconsent's cookie, version 3, for a choice, as its script writes it.
	 * @param revision the site's revision
	 * @param accepted the accepted categories
	 * @return the cookie value
	 */
	public static String cookieConsent(int revision, String... accepted) {
		StringBuilder categories = new StringBuilder();
		StringBuilder services = new StringBuilder();
		for (String category : accepted) {
			categories.append((categories.length() > 0) ? "," : "").append('"').append(category).append('"');
			services.append((services.length() > 0) ? "," : "").append('"').append(category).append("\":[]");
		}
		return encodeUriComponent("{\"categories\":[" + categories + "],\"revision\":" + revision
				+ ",\"data\":null,\"consentTimestamp\":\"2025-03-04T10:15:30.123Z\","
				+ "\"consentId\":\"0b7e4f1c-5d3a-4c8e-9b2f-7a6d1e3c9f40\",\"services\":{" + services + "},"
				+ "\"languageCode\":\"en\",\"lastConsentTimestamp\":\"2025-03-04T10:15:30.123Z\","
				+ "\"expirationTime\":1756808130123}");
	}

	/**
	 * What JavaScript's {@code encodeURIComponent} makes of a text: every UTF-8 byte escaped but letters,
	 * digits and {@code -_.!~*'()}.
	 * @param text the text
	 * @return the encoded text
	 */
	public static String encodeUriComponent(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'()".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", (int) c));
			}
		}
		return encoded.toString();
	}

	/**
	 * A request's cookies as a reader takes them.
	 * @param namesAndValues cookie names and values, in turn; a name may come more than once
	 * @return every value of a name, in order
	 */
	public static Function<String, List<String>> cookies(String... namesAndValues) {
		Map<String, List<String>> cookies = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			cookies.computeIfAbsent(namesAndValues[i], (name) -> new ArrayList<>()).add(namesAndValues[i + 1]);
		}
		return (name) -> cookies.getOrDefault(name, List.of());
	}

	/**
	 * A map in the given order.
	 * @param keysAndValues keys and values, in turn
	 * @return the map
	 */
	@SuppressWarnings("unchecked")
	public static <V> Map<String, V> ordered(Object... keysAndValues) {
		Map<String, V> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
		}
		return map;
	}

}
