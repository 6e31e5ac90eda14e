package dev.cxp.internal.consent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.boot.json.JsonWriter;

/**
 * Google Consent Mode v2 signals ({@code cxp.consent.google-consent-mode}): for each Consent Mode type, such as
 * {@code analytics_storage}, {@code granted} or {@code denied} from the effective state of the purpose it is mapped
 * to. The consent endpoint answers them, a page takes them as its default before any Google tag runs, and the
 * browser script sends them as an update after each choice.
 */
public final class GoogleConsentModes {

	private static final JsonWriter<Map<String, String>> JSON = JsonWriter.standard();

	private final Map<String, String> types;

	/**
	 * Create the signals.
	 * @param types for each Consent Mode type, the purpose whose effective state it takes
	 */
	public GoogleConsentModes(Map<String, String> types) {
		this.types = Map.copyOf(types);
	}

	/**
	 * The mapping these signals were made with, with the purposes configured.
	 * @param configured the types the site maps, each to one of the configured purposes
	 * @param purposes the configured purposes
	 * @return the signals: the site's mapping, and by default {@code analytics_storage} from {@code analytics} and
	 * the three ad types from {@code ads}, where those purposes are configured and the site does not map the type
	 */
	public static GoogleConsentModes of(Map<String, String> configured, ConsentPurposes purposes) {
		Map<String, String> types = new LinkedHashMap<>();
		if (purposes.contains(ConsentPurposes.ANALYTICS)) {
			types.put("analytics_storage", ConsentPurposes.ANALYTICS);
		}
		if (purposes.contains("ads")) {
			types.put("ad_storage", "ads");
			types.put("ad_user_data", "ads");
			types.put("ad_personalization", "ads");
		}
		types.putAll(configured);
		return new GoogleConsentModes(types);
	}

	/**
	 * The signals for what a request's consent allows.
	 * @param effective whether a purpose's state allows what it gates, as decided for the request
	 * @return {@code granted} or {@code denied} by Consent Mode type, in a fixed order
	 */
	public Map<String, String> signals(Predicate<String> effective) {
		Map<String, String> signals = new LinkedHashMap<>();
		for (String type : new String[] { "analytics_storage", "ad_storage", "ad_user_data", "ad_personalization" }) {
			String purpose = this.types.get(type);
			if (purpose != null) {
				signals.put(type, effective.test(purpose) ? "granted" : "denied");
			}
		}
		return signals;
	}

	/**
	 * The signals as JSON, as a page's template puts them on the browser script's element.
	 * @param effective whether a purpose's state allows what it gates, as decided for the request
	 * @return a JSON object such as {@code {"analytics_storage":"granted"}}
	 */
	public String json(Predicate<String> effective) {
		return JSON.writeToString(signals(effective));
	}

}
