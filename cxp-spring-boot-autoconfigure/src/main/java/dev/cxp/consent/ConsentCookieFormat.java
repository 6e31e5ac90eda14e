package dev.cxp.consent;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The value format of the consent cookie, version 1:
 * <pre>
 * value    = "1." revision "." purpose *( "~" purpose ) [ "." receipt ]
 * revision = 1*32( ALPHA / DIGIT / "_" / "-" )
 * purpose  = name ":" ( "g" / "d" )                  ; granted or denied
 * name     = 1*32( %x61-7A / DIGIT / "_" / "-" )    ; a-z, 0-9, _ and -
 * receipt  = 32( DIGIT / %x61-66 )                  ; lowercase hex
 * </pre>
 * for example {@code 1.3.analytics:g~ads:d}. Only cookie-octet characters occur. A purpose that is not named
 * is unspecified; a purpose that is not configured is ignored. The legacy values {@code granted}, {@code true},
 * {@code 1}, {@code yes}, {@code denied}, {@code false}, {@code 0} and {@code no} (any case) stay readable: they
 * record every purpose, under revision {@code 1}. Anything else, including a value longer than
 * {@link #MAX_LENGTH}, a repeated purpose, an unknown version or state, is malformed and counts as absent.
 *
 * @since 0.2.0
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

	private final ConsentPurposes purposes;

	private final String revision;

	/**
	 * Create the format for a site's purposes and current revision.
	 * @param purposes the configured purposes
	 * @param revision the current policy revision
	 */
	public ConsentCookieFormat(ConsentPurposes purposes, String revision) {
		if (!isValidRevision(revision)) {
			throw new IllegalArgumentException("Invalid revision");
		}
		this.purposes = purposes;
		this.revision = revision;
	}

	/**
	 * Whether a policy revision can be carried by the cookie.
	 * @param revision the candidate
	 * @return {@code true} for 1 to 32 characters of {@code A-Z}, {@code a-z}, {@code 0-9}, {@code _} and
	 * {@code -}
	 */
	public static boolean isValidRevision(String revision) {
		return revision.length() <= MAX_REVISION_LENGTH
				&& ConsentCookieScanner.isRevision(revision, 0, revision.length());
	}

	/**
	 * Whether a string is a receipt id.
	 * @param receiptId the candidate
	 * @return {@code true} for 32 lowercase hex characters
	 */
	public static boolean isValidReceiptId(String receiptId) {
		return receiptId.length() == RECEIPT_ID_LENGTH && ConsentCookieScanner.isReceipt(receiptId, 0);
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
	 * Read a value in full, as recorded (no revision rule applied).
	 * @param value a cookie value, possibly {@code null} or junk
	 * @return the recorded choice, with only configured purposes, or {@code null} when the value is malformed
	 */
	public @Nullable ConsentCookie parse(@Nullable String value) {
		long scan = ConsentCookieScanner.scan(value, this.purposes, this.revision);
		if (scan == ConsentCookieScanner.MALFORMED) {
			return null;
		}
		Map<String, ConsentState> states = new HashMap<>();
		for (int i = 0; i < this.purposes.size(); i++) {
			ConsentState state = PurposeStates.get((int) scan, i);
			if (state != ConsentState.UNSPECIFIED) {
				states.put(this.purposes.names().get(i), state);
			}
		}
		if ((scan & ConsentCookieScanner.LEGACY) != 0) {
			return new ConsentCookie(LEGACY_REVISION, states, null);
		}
		String recordedRevision = value.substring(2, value.indexOf('.', 2));
		String receiptId = ((scan & ConsentCookieScanner.HAS_RECEIPT) != 0)
				? value.substring(value.length() - RECEIPT_ID_LENGTH) : null;
		return new ConsentCookie(recordedRevision, states, receiptId);
	}

	/**
	 * Write a choice.
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
		StringBuilder value = new StringBuilder(64).append(VERSION).append('.').append(cookie.revision()).append('.');
		int start = value.length();
		for (String name : this.purposes.names()) {
			ConsentState state = cookie.state(name);
			if (state != ConsentState.UNSPECIFIED) {
				value.append((value.length() > start) ? "~" : "")
					.append(name)
					.append(':')
					.append((state == ConsentState.GRANTED) ? 'g' : 'd');
			}
		}
		if (value.length() == start) {
			throw new IllegalArgumentException("A recorded choice grants or denies at least one purpose");
		}
		String receiptId = cookie.receiptId();
		if (receiptId != null) {
			if (!isValidReceiptId(receiptId)) {
				throw new IllegalArgumentException("A receipt id is 32 lowercase hex characters");
			}
			value.append('.').append(receiptId);
		}
		return value.toString();
	}

	/**
	 * The states that the values of one cookie name record, as a request reads them now: combined per
	 * purpose with a denial winning, each grant of another revision read as unspecified, malformed values
	 * ignored.
	 * @param values the values, such as every variant of the consent cookie a request carries
	 * @return the state of every configured purpose, in the configured order
	 */
	public Map<String, ConsentState> readStates(Iterable<String> values) {
		int states = PurposeStates.ABSENT;
		for (String value : values) {
			states = PurposeStates.combine(states, read(value));
		}
		Map<String, ConsentState> read = new LinkedHashMap<>();
		for (int i = 0; i < this.purposes.size(); i++) {
			read.put(this.purposes.names().get(i),
					(states != PurposeStates.ABSENT) ? PurposeStates.get(states, i) : ConsentState.UNSPECIFIED);
		}
		return read;
	}

	/**
	 * Read a value for the current request: the recorded states, with each grant of another revision read
	 * as unspecified.
	 * @param value a cookie or header value
	 * @return the packed states, or {@link PurposeStates#ABSENT} when the value is malformed
	 */
	int read(@Nullable String value) {
		long scan = ConsentCookieScanner.scan(value, this.purposes, this.revision);
		if (scan == ConsentCookieScanner.MALFORMED) {
			return PurposeStates.ABSENT;
		}
		int states = (int) scan;
		return ((scan & ConsentCookieScanner.REVISION_MATCHES) != 0) ? states : PurposeStates.withoutGrants(states);
	}

}
