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

	private static final long REVISION_MATCHES = 1L << 32;

	private static final long HAS_RECEIPT = 1L << 33;

	private static final long MALFORMED = -1L;

	private static final long LEGACY = 1L << 34;

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
		return revision.length() <= MAX_REVISION_LENGTH && isRevision(revision, 0, revision.length());
	}

	/**
	 * Whether a string is a receipt id.
	 * @param receiptId the candidate
	 * @return {@code true} for 32 lowercase hex characters
	 */
	public static boolean isValidReceiptId(String receiptId) {
		return receiptId.length() == RECEIPT_ID_LENGTH && isReceipt(receiptId, 0);
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
		long scan = scan(value);
		if (scan == MALFORMED) {
			return null;
		}
		Map<String, ConsentState> states = new HashMap<>();
		for (int i = 0; i < this.purposes.size(); i++) {
			ConsentState state = PurposeStates.get((int) scan, i);
			if (state != ConsentState.UNSPECIFIED) {
				states.put(this.purposes.names().get(i), state);
			}
		}
		if ((scan & LEGACY) != 0) {
			return new ConsentCookie(LEGACY_REVISION, states, null);
		}
		String recordedRevision = value.substring(2, value.indexOf('.', 2));
		String receiptId = ((scan & HAS_RECEIPT) != 0) ? value.substring(value.length() - RECEIPT_ID_LENGTH) : null;
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
		long scan = scan(value);
		if (scan == MALFORMED) {
			return PurposeStates.ABSENT;
		}
		int states = (int) scan;
		return ((scan & REVISION_MATCHES) != 0) ? states : PurposeStates.withoutGrants(states);
	}

	/**
	 * One pass over a value: the packed states in the low 32 bits, then flags; {@link #MALFORMED} for a
	 * value that is not understood. Creates no objects.
	 */
	private long scan(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return MALFORMED;
		}
		if (value.length() <= 7) {
			ConsentState legacy = ConsentValues.parse(value);
			if (legacy != null) {
				long states = PurposeStates.all(this.purposes.size(), legacy) & 0xFFFFFFFFL;
				return states | LEGACY | (LEGACY_REVISION.equals(this.revision) ? REVISION_MATCHES : 0);
			}
		}
		if (value.length() < 7 || value.charAt(0) != '1' || value.charAt(1) != '.') {
			return MALFORMED;
		}
		int revisionEnd = value.indexOf('.', 2);
		if (revisionEnd < 0 || revisionEnd - 2 > MAX_REVISION_LENGTH || !isRevision(value, 2, revisionEnd)) {
			return MALFORMED;
		}
		boolean revisionMatches = this.revision.length() == revisionEnd - 2
				&& value.regionMatches(2, this.revision, 0, this.revision.length());
		int purposesEnd = value.indexOf('.', revisionEnd + 1);
		boolean hasReceipt = purposesEnd >= 0;
		if (!hasReceipt) {
			purposesEnd = value.length();
		}
		else if (value.length() - purposesEnd - 1 != RECEIPT_ID_LENGTH || !isReceipt(value, purposesEnd + 1)) {
			return MALFORMED;
		}
		long states = scanPurposes(value, revisionEnd + 1, purposesEnd);
		if (states == MALFORMED) {
			return MALFORMED;
		}
		return states | (revisionMatches ? REVISION_MATCHES : 0) | (hasReceipt ? HAS_RECEIPT : 0);
	}

	private long scanPurposes(String value, int from, int to) {
		int states = 0;
		int seen = 0;
		int at = from;
		while (true) {
			int colon = at;
			while (colon < to && ConsentPurposes.isNameChar(value.charAt(colon))) {
				colon++;
			}
			int nameLength = colon - at;
			if (nameLength == 0 || nameLength > ConsentPurposes.MAX_NAME_LENGTH || colon + 2 > to
					|| value.charAt(colon) != ':') {
				return MALFORMED;
			}
			char state = value.charAt(colon + 1);
			if (state != 'g' && state != 'd') {
				return MALFORMED;
			}
			int index = this.purposes.indexOf(value, at, colon);
			if (index >= 0) {
				if ((seen & (1 << index)) != 0) {
					return MALFORMED;
				}
				seen |= 1 << index;
				states |= ((state == 'g') ? PurposeStates.GRANTED : PurposeStates.DENIED) << (2 * index);
			}
			at = colon + 2;
			if (at == to) {
				return states & 0xFFFFFFFFL;
			}
			if (value.charAt(at) != '~') {
				return MALFORMED;
			}
			at++;
		}
	}

	private static boolean isRevision(String value, int from, int to) {
		if (from >= to) {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isReceipt(String value, int from) {
		for (int i = from; i < from + RECEIPT_ID_LENGTH; i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

}
