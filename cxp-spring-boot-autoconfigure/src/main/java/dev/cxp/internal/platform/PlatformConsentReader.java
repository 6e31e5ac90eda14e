package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * Reads the consent cookie of one consent management platform, exactly as the platform's script writes it, and
 * answers the state of each starter purpose it decides (SPEC S14.1): OneTrust ({@code OptanonConsent}),
 * Cookiebot ({@code CookieConsent}), klaro ({@code klaro}) or orestbida's cookieconsent version 3
 * ({@code cc_cookie}). A purpose is granted when every platform category mapped to it is accepted, denied when
 * any of them is refused, and otherwise left out.
 * <p>
 * A browser sends every copy of a cookie (another domain or path), and a sibling subdomain or a script can plant
 * one: every copy is read, unreadable ones are skipped, and per purpose a denial in any readable copy wins.
 * <p>
 * Nothing a cookie says can hurt (SPEC S14.3): a value that is not the platform's own (malformed, truncated,
 * longer than {@value #MAX_VALUE_LENGTH} characters, hostile) counts as absent, is counted
 * ({@link #invalidValues()}) and never throws; reading one costs at most a bounded parse of its length. One
 * visitor sends the same value on every request, so what a value says is kept in a small cache, bounded in
 * characters, by its exact value.
 * <p>
 * The reader knows no web stack: it takes the request's cookies as a function from a name to the values of every
 * cookie of that name.
 *
 * @since 0.3.0
 */
public final class PlatformConsentReader {

	/**
	 * The source of a decision taken from OneTrust's cookie, and the kind of its invalid values.
	 */
	public static final String ONETRUST = "onetrust";

	/**
	 * The source of a decision taken from Cookiebot's cookie, and the kind of its invalid values.
	 */
	public static final String COOKIEBOT = "cookiebot";

	/**
	 * The source of a decision taken from klaro's cookie, and the kind of its invalid values.
	 */
	public static final String KLARO = "klaro";

	/**
	 * The source of a decision taken from cookieconsent's cookie, and the kind of its invalid values.
	 */
	public static final String COOKIECONSENT = "cookieconsent";

	/**
	 * The longest value read: browsers keep no longer cookie, so a longer value is not a platform's.
	 */
	public static final int MAX_VALUE_LENGTH = 4096;

	/**
	 * How many characters of values the cache of each reader keeps at most: about 2,000 OneTrust values, and 256
	 * values of the longest length.
	 */
	static final int CACHE_CHARACTERS = 1024 * 1024;

	private static final Reading INVALID = new Reading(Map.of(), false, true);

	private final String name;

	private final String cookieName;

	private final @Nullable String choiceCookieName;

	private final PlatformCookieFormat format;

	private final CategoryMapping mapping;

	// Upkeep on the reading thread: a flood of new values pays for its own evictions, rather than queueing them
	// on the common pool faster than it drains them (a miss then costs about 2 µs, not 6 to 48 µs)
	private final Cache<String, Reading> cache = Caffeine.newBuilder()
		.executor(Runnable::run)
		.maximumWeight(CACHE_CHARACTERS)
		.weigher((String value, Reading reading) -> value.length())
		.build();

	private final LongAdder invalid = new LongAdder();

	PlatformConsentReader(String name, String cookieName, @Nullable String choiceCookieName,
			PlatformCookieFormat format, Map<String, List<String>> mapping) {
		this.name = name;
		this.cookieName = cookieName;
		this.choiceCookieName = choiceCookieName;
		this.format = format;
		this.mapping = new CategoryMapping(mapping);
	}

	/**
	 * A reader of OneTrust's {@code OptanonConsent} cookie. Only a choice the visitor made counts: the cookie
	 * records an interaction ({@code interactionCount} above 0), or OneTrust's banner-closed cookie is present.
	 * @param settings the cookies and the mapping of OneTrust groups
	 * @return the reader, with source {@value #ONETRUST}
	 */
	public static PlatformConsentReader oneTrust(OneTrustSettings settings) {
		return new PlatformConsentReader(ONETRUST, settings.cookieName(), settings.alertBoxClosedCookieName(),
				new OneTrustCookieFormat(), settings.groups());
	}

	/**
	 * A reader of Cookiebot's {@code CookieConsent} cookie. {@code -1} (no consent needed in the visitor's
	 * region) says nothing; {@code 0} denies every mapped purpose.
	 * @param settings the cookie and the mapping of Cookiebot categories
	 * @return the reader, with source {@value #COOKIEBOT}
	 */
	public static PlatformConsentReader cookiebot(CookiebotSettings settings) {
		return new PlatformConsentReader(COOKIEBOT, settings.cookieName(), null, new CookiebotCookieFormat(),
				settings.categories());
	}

	/**
	 * A reader of klaro's cookie.
	 * @param settings the cookie and the mapping of klaro services
	 * @return the reader, with source {@value #KLARO}
	 */
	public static PlatformConsentReader klaro(KlaroSettings settings) {
		return new PlatformConsentReader(KLARO, settings.cookieName(), null, new KlaroCookieFormat(),
				settings.services());
	}

	/**
	 * A reader of the cookie of orestbida's cookieconsent, version 3.
	 * @param settings the cookie, the mapping of the site's categories and its revision
	 * @return the reader, with source {@value #COOKIECONSENT}
	 */
	public static PlatformConsentReader cookieConsent(CookieConsentSettings settings) {
		return new PlatformConsentReader(COOKIECONSENT, settings.cookieName(), null,
				new CookieConsentCookieFormat(settings.revision()), settings.categories());
	}

	/**
	 * The state of each purpose the platform's cookie decides, every copy of the cookie combined.
	 * @param cookies every value of the request's cookies of a name, an empty list when there is none
	 * @return the granted and denied purposes, in the mapping's order; empty when no readable copy decides any
	 */
	public Map<String, ConsentState> read(Function<String, List<String>> cookies) {
		List<String> values = cookies.apply(this.cookieName);
		Map<String, ConsentState> states = null;
		Boolean choiceShown = null;
		for (String value : values) {
			if (value == null || value.isEmpty()) {
				continue;
			}
			Reading reading = reading(value);
			if (reading.invalid()) {
				this.invalid.increment();
				continue;
			}
			if (!reading.madeByVisitor()) {
				if (choiceShown == null) {
					choiceShown = choiceShown(cookies);
				}
				if (!choiceShown) {
					continue;
				}
			}
			states = CategoryMapping.combine(states, reading.states());
		}
		return (states != null) ? states : Map.of();
	}

	/**
	 * The source of this reader's decisions and the kind of its invalid values.
	 * @return {@value #ONETRUST}, {@value #COOKIEBOT}, {@value #KLARO} or {@value #COOKIECONSENT}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The name of the cookie this reader reads.
	 * @return the cookie name
	 */
	public String cookieName() {
		return this.cookieName;
	}

	/**
	 * For each purpose, the platform categories it needs.
	 * @return the mapping, in its configured order
	 */
	public Map<String, List<String>> mapping() {
		return this.mapping.purposes();
	}

	/**
	 * How many values of the cookie were not the platform's own since start-up; every read of such a value is
	 * counted.
	 * @return the count
	 */
	public long invalidValues() {
		return this.invalid.sum();
	}

	private Reading reading(String value) {
		if (value.length() > MAX_VALUE_LENGTH) {
			return INVALID;
		}
		return this.cache.get(value, this::parse);
	}

	private Reading parse(String value) {
		PlatformChoice choice;
		try {
			choice = this.format.read(value);
		}
		catch (RuntimeException ex) {
			// Formats never throw by design; whatever they missed is still only an unreadable value
			choice = null;
		}
		if (choice == null) {
			return INVALID;
		}
		return new Reading(this.mapping.states(choice), choice.madeByVisitor(), false);
	}

	private boolean choiceShown(Function<String, List<String>> cookies) {
		if (this.choiceCookieName == null) {
			return false;
		}
		for (String value : cookies.apply(this.choiceCookieName)) {
			if (value != null && !value.isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What one value says about the mapped purposes; cached by the value.
	 */
	private record Reading(Map<String, ConsentState> states, boolean madeByVisitor, boolean invalid) {
	}

}
