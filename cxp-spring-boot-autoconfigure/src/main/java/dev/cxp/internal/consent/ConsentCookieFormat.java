package dev.cxp.internal.consent;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * The value format of the consent cookie, and the rules by which a request reads it. Version 1:
 * <pre>
 * value     = "1." revision "." purpose *( "~" purpose ) [ "." receipt ] [ "*" signature ]
 * revision  = 1*32( ALPHA / DIGIT / "_" / "-" )
 * purpose   = name ":" ( "g" / "d" )                  ; granted or denied
 * name      = 1*32( %x61-7A / DIGIT / "_" / "-" )    ; a-z, 0-9, _ and -
 * receipt   = 32( DIGIT / %x61-66 )                  ; lowercase hex
 * signature = 43( ALPHA / DIGIT / "-" / "_" )        ; see ConsentCookieSigner
 * </pre>
 * for example {@code 1.3.analytics:g~ads:d}. Only cookie-octet characters occur. The legacy values
 * {@code granted}, {@code true}, {@code 1}, {@code yes}, {@code denied}, {@code false}, {@code 0} and {@code no}
 * (any case) stay readable: they record every purpose, under revision {@code 1}. Anything else is malformed and
 * counts as absent: a value longer than {@value #MAX_LENGTH} characters, a repeated purpose, an unknown version
 * or state. A purpose that is not configured is ignored.
 * <p>
 * A request reads the values of one name (every copy of the cookie, or every value of the consent header) by
 * these rules, in this order:
 * <ol>
 * <li>a grant recorded under another revision than the current one is unspecified: the visitor is asked again,
 * while a recorded denial stays a denial;</li>
 * <li>with signing on, the grants of a cookie value that is not correctly signed are unspecified, and counted as
 * rejected (header values are never signed: another site cannot make a browser send the header);</li>
 * <li>copies are combined per purpose, and a denial wins over a grant.</li>
 * </ol>
 * A request with one copy of the cookie, the common case, is read from a bounded cache of readings by exact
 * value, since the cookie is read on every page view; a value whose signature is rejected counts as rejected
 * every time it is read.
 */
public final class ConsentCookieFormat {

	/**
	 * The version this format writes and reads.
	 */
	public static final String VERSION = "1";

	/**
	 * The longest value read; longer values are malformed.
	 */
	public static final int MAX_LENGTH = 700;

	/**
	 * The longest policy revision.
	 */
	public static final int MAX_REVISION_LENGTH = 32;

	/**
	 * The length of a receipt id.
	 */
	public static final int RECEIPT_ID_LENGTH = 32;

	/**
	 * The revision that legacy plain values count as.
	 */
	public static final String LEGACY_REVISION = "1";

	/**
	 * How many distinct cookie values the cache of readings keeps.
	 */
	static final int CACHE_SIZE = 1024;

	private final ConsentPurposes purposes;

	private final String revision;

	private final @Nullable ConsentCookieSigner signer;

	private final Cache<String, Reading> cookieReadings = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

	// One function for every cache miss, rather than a lambda made on every page view
	private final Function<String, Reading> readOneCookie = (value) -> read(List.of(value), true);

	/**
	 * Create the format for a site's purposes and current revision.
	 * @param purposes the configured purposes
	 * @param revision the current policy revision
	 * @param signer signs the values written and verifies the grants of the cookie values read, or {@code null}
	 * to neither sign nor verify
	 */
	public ConsentCookieFormat(ConsentPurposes purposes, String revision, @Nullable ConsentCookieSigner signer) {
		if (!isValidRevision(revision)) {
			throw new IllegalArgumentException("Invalid revision");
		}
		this.purposes = purposes;
		this.revision = revision;
		this.signer = signer;
	}

	/**
	 * Whether a policy revision can be carried by the cookie.
	 * @param revision the candidate
	 * @return {@code true} for 1 to 32 characters of {@code A-Z}, {@code a-z}, {@code 0-9}, {@code _} and
	 * {@code -}
	 */
	public static boolean isValidRevision(String revision) {
		return !revision.isEmpty() && revision.length() <= MAX_REVISION_LENGTH && isWord(revision);
	}

	/**
	 * Whether a string is a receipt id.
	 * @param receiptId the candidate
	 * @return {@code true} for 32 lowercase hex characters
	 */
	public static boolean isValidReceiptId(String receiptId) {
		if (receiptId.length() != RECEIPT_ID_LENGTH) {
			return false;
		}
		for (int i = 0; i < receiptId.length(); i++) {
			char c = receiptId.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The purposes this format reads and writes.
	 * @return the configured purposes
	 */
	public ConsentPurposes purposes() {
		return this.purposes;
	}

	/**
	 * The current policy revision, written into every new value.
	 * @return the revision
	 */
	public String revision() {
		return this.revision;
	}

	/**
	 * The signer of the values this format writes.
	 * @return the signer, or {@code null} when values are not signed
	 */
	public @Nullable ConsentCookieSigner signer() {
		return this.signer;
	}

	/**
	 * Read a value as recorded: no revision rule applied, no signature verified.
	 * @param value a cookie value, possibly junk
	 * @return the recorded choice, with only configured purposes, or {@code null} when the value is malformed
	 */
	public @Nullable ConsentCookie parse(String value) {
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			return null;
		}
		ConsentState legacy = plainState(value);
		if (legacy != null) {
			Map<String, ConsentState> states = new LinkedHashMap<>();
			this.purposes.names().forEach((name) -> states.put(name, legacy));
			return new ConsentCookie(LEGACY_REVISION, states, null);
		}
		int signatureAt = ConsentCookieSigner.unsignedLength(value);
		if (signatureAt >= 0 && !isWord(value.substring(signatureAt + 1))) {
			return null;
		}
		String[] parts = ((signatureAt >= 0) ? value.substring(0, signatureAt) : value).split("\\.", -1);
		if (parts.length < 3 || parts.length > 4 || !parts[0].equals(VERSION) || !isValidRevision(parts[1])) {
			return null;
		}
		String receiptId = (parts.length == 4) ? parts[3] : null;
		if (receiptId != null && !isValidReceiptId(receiptId)) {
			return null;
		}
		Map<String, ConsentState> states = purposes(parts[2]);
		return (states != null) ? new ConsentCookie(parts[1], states, receiptId) : null;
	}

	private @Nullable Map<String, ConsentState> purposes(String list) {
		Map<String, ConsentState> states = new LinkedHashMap<>();
		Set<String> named = new HashSet<>();
		for (String entry : list.split("~", -1)) {
			int colon = entry.length() - 2;
			if (colon < 1 || entry.charAt(colon) != ':') {
				return null;
			}
			String name = entry.substring(0, colon);
			char state = entry.charAt(colon + 1);
			if (!ConsentPurposes.isValidName(name) || (state != 'g' && state != 'd') || !named.add(name)) {
				return null;
			}
			if (this.purposes.contains(name)) {
				states.put(name, (state == 'g') ? ConsentState.GRANTED : ConsentState.DENIED);
			}
		}
		return states;
	}

	/**
	 * Write a choice, signed when the format has a signer.
	 * @param cookie the choice; it must grant or deny at least one configured purpose
	 * @return the cookie value
	 * @throws IllegalArgumentException for an invalid revision or receipt id, a purpose that is not configured,
	 * or a choice that names no purpose
	 */
	public String format(ConsentCookie cookie) {
		if (!isValidRevision(cookie.revision())) {
			throw new IllegalArgumentException("Invalid revision");
		}
		for (String name : cookie.states().keySet()) {
			if (!this.purposes.contains(name)) {
				throw new IllegalArgumentException("'" + name + "' is not a configured purpose");
			}
		}
		StringBuilder purposes = new StringBuilder();
		for (String name : this.purposes.names()) {
			ConsentState state = cookie.state(name);
			if (state != ConsentState.UNSPECIFIED) {
				purposes.append(purposes.isEmpty() ? "" : "~").append(name).append(':')
					.append((state == ConsentState.GRANTED) ? 'g' : 'd');
			}
		}
		if (purposes.isEmpty()) {
			throw new IllegalArgumentException("A recorded choice grants or denies at least one purpose");
		}
		String receiptId = cookie.receiptId();
		if (receiptId != null && !isValidReceiptId(receiptId)) {
			throw new IllegalArgumentException("A receipt id is 32 lowercase hex characters");
		}
		String value = VERSION + "." + cookie.revision() + "." + purposes + ((receiptId != null) ? "." + receiptId : "");
		return (this.signer != null) ? this.signer.sign(value) : value;
	}

	/**
	 * The states that the copies of the consent cookie record, as a request reads them now (see the rules
	 * above, signatures included).
	 * @param values the values of every copy of the cookie
	 * @return the state of each purpose the values state, in the order of the configured purposes; a purpose
	 * left out is unspecified
	 */
	public Map<String, ConsentState> readCookies(List<String> values) {
		Reading reading = (values.size() == 1) ? this.cookieReadings.get(values.get(0), this.readOneCookie)
				: read(values, true);
		ConsentCookieSigner signer = this.signer;
		for (int i = 0; signer != null && i < reading.rejected(); i++) {
			signer.rejected();
		}
		return reading.states();
	}

	/**
	 * The states that the values of the consent header record, as a request reads them now (see the rules
	 * above; header values are not signed).
	 * @param values every value of the header
	 * @return the state of each purpose the values state, in the order of the configured purposes; a purpose
	 * left out is unspecified
	 */
	public Map<String, ConsentState> readHeaders(List<String> values) {
		return read(values, false).states();
	}

	private Reading read(List<String> values, boolean signed) {
		Map<String, ConsentState> combined = new HashMap<>();
		int rejected = 0;
		for (String value : values) {
			ConsentCookie cookie = parse(value);
			if (cookie == null) {
				continue;
			}
			boolean current = this.revision.equals(cookie.revision());
			boolean voided = current && signed && !cookie.isRefusal() && !verified(value);
			rejected += voided ? 1 : 0;
			boolean grantsCount = current && !voided;
			cookie.states().forEach((purpose, state) -> {
				if (state == ConsentState.DENIED) {
					combined.put(purpose, ConsentState.DENIED);
				}
				else if (grantsCount) {
					combined.putIfAbsent(purpose, ConsentState.GRANTED);
				}
			});
		}
		Map<String, ConsentState> ordered = new LinkedHashMap<>();
		for (String purpose : this.purposes.names()) {
			ConsentState state = combined.get(purpose);
			if (state != null) {
				ordered.put(purpose, state);
			}
		}
		return new Reading(Collections.unmodifiableMap(ordered), rejected);
	}

	private boolean verified(String value) {
		return this.signer == null || this.signer.verifies(value);
	}

	private static @Nullable ConsentState legacyState(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "granted", "true", "1", "yes" -> ConsentState.GRANTED;
			case "denied", "false", "0", "no" -> ConsentState.DENIED;
			default -> null;
		};
	}

	/**
	 * The state a plain word means, as the consent endpoint's body and legacy cookie values use them.
	 * @param value {@code granted}, {@code true}, {@code 1}, {@code yes}, {@code denied}, {@code false},
	 * {@code 0} or {@code no}, in any case
	 * @return the state, or {@code null} for any other value
	 */
	public static @Nullable ConsentState plainState(String value) {
		return (value.length() <= 7) ? legacyState(value) : null;
	}

	private static boolean isWord(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What a request reads from the values of one name: the states, and how many values' grants a bad signature
	 * voided.
	 */
	private record Reading(Map<String, ConsentState> states, int rejected) {
	}

}
