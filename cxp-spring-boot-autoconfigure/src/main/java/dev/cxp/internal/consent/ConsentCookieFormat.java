package dev.cxp.internal.consent;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

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
 * <p>
 * With a {@link ConsentCookieSigner} ({@code cxp.consent.signing.keys}), every value written is signed, and a
 * cookie value's grants count only when it is correctly signed: the grants of an unsigned value (legacy
 * values included) or of a value whose signature does not verify read as unspecified and are counted as
 * rejected, while its denials count. Without a signer, a signed value reads as its unsigned part. Values of
 * the consent header are never signed: a page script can send the header only with its own requests, and
 * another site cannot make a browser send it.
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

	private final @Nullable ConsentCookieSigner signer;

	/**
	 * Create the format for a site's purposes and current revision, without signing.
	 * @param purposes the configured purposes
	 * @param revision the current policy revision
	 */
	public ConsentCookieFormat(ConsentPurposes purposes, String revision) {
		this(purposes, revision, null);
	}

	/**
	 * Create the format for a site's purposes and current revision.
	 * @param purposes the configured purposes
	 * @param revision the current policy revision
	 * @param signer signs the values written and verifies the grants of the cookie values read, or {@code null}
	 * to neither sign nor verify
	 * @since 0.3.0
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
	 * The signer of the values this format writes.
	 * @return the signer, or {@code null} when values are not signed
	 * @since 0.3.0
	 */
	public @Nullable ConsentCookieSigner signer() {
		return this.signer;
	}

	/**
	 * Read a value in full, as recorded (no revision rule applied, no signature verified).
	 * @param value a cookie value, possibly {@code null} or junk
	 * @return the recorded choice, with only configured purposes, or {@code null} when the value is malformed
	 */
	public @Nullable ConsentCookie parse(@Nullable String value) {
		long scan = ConsentCookieScanner.scan(value, this.purposes, this.revision);
		if (scan == ConsentCookieScanner.MALFORMED) {
			return null;
		}
		int end = ((scan & ConsentCookieScanner.SIGNED) != 0) ? ConsentCookieSigner.unsignedLength(value)
				: value.length();
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
				? value.substring(end - RECEIPT_ID_LENGTH, end) : null;
		return new ConsentCookie(recordedRevision, states, receiptId);
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
		return (this.signer != null) ? this.signer.sign(value.toString()) : value.toString();
	}

	/**
	 * The states that the values of the consent cookie record, as a request reads them now: combined per
	 * purpose with a denial winning, each grant of another revision (or, with signing, of a value not correctly
	 * signed) read as unspecified, malformed values ignored.
	 * @param values the values, such as every variant of the consent cookie a request carries
	 * @return the state of every configured purpose, in the configured order
	 */
	public Map<String, ConsentState> readStates(Iterable<String> values) {
		int states = PurposeStates.ABSENT;
		for (String value : values) {
			states = PurposeStates.combine(states, readCookie(value));
		}
		Map<String, ConsentState> read = new LinkedHashMap<>();
		for (int i = 0; i < this.purposes.size(); i++) {
			read.put(this.purposes.names().get(i),
					(states != PurposeStates.ABSENT) ? PurposeStates.get(states, i) : ConsentState.UNSPECIFIED);
		}
		return read;
	}

	/**
	 * Read a value of the consent header for the current request: the recorded states, with each grant of
	 * another revision read as unspecified. Header values are not signed.
	 * @param value a header value
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

	/**
	 * Read a value of the consent cookie for the current request: as {@link #read(String)}, and with a signer,
	 * the grants of a value that is not correctly signed read as unspecified and are counted as rejected.
	 * @param value a cookie value
	 * @return the packed states, or {@link PurposeStates#ABSENT} when the value is malformed
	 */
	int readCookie(@Nullable String value) {
		int states = read(value);
		if (this.signer == null || states == PurposeStates.ABSENT || !PurposeStates.hasGrant(states)) {
			return states;
		}
		if (this.signer.verifies(value)) {
			return states;
		}
		this.signer.rejected();
		return PurposeStates.withoutGrants(states);
	}

}
