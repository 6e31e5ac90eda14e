package dev.cxp.internal.consent;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * The one-pass reader behind {@link ConsentCookieFormat}: it checks a value against the grammar and packs
 * the states of the configured purposes into the low 32 bits of a {@code long} (see {@link PurposeStates}),
 * with flags above them, creating no objects.
 */
final class ConsentCookieScanner {

	static final long REVISION_MATCHES = 1L << 32;

	static final long HAS_RECEIPT = 1L << 33;

	static final long LEGACY = 1L << 34;

	static final long SIGNED = 1L << 35;

	static final long MALFORMED = -1L;

	private static final int MAX_REVISION_LENGTH = ConsentCookieFormat.MAX_REVISION_LENGTH;

	private static final int RECEIPT_ID_LENGTH = ConsentCookieFormat.RECEIPT_ID_LENGTH;

	private ConsentCookieScanner() {
	}

	/**
	 * One pass over a value: the packed states in the low 32 bits, then flags; {@link #MALFORMED} for a
	 * value that is not understood. A value of the format may carry a signature
	 * ({@link ConsentCookieSigner}); it is checked for its shape here, flagged {@link #SIGNED}, and verified by
	 * the caller. Creates no objects.
	 */
	static long scan(@Nullable String value, ConsentPurposes purposes, String revision) {
		if (value == null || value.isEmpty() || value.length() > ConsentCookieFormat.MAX_LENGTH) {
			return MALFORMED;
		}
		if (value.length() <= 7) {
			ConsentState legacy = ConsentValues.parse(value);
			if (legacy != null) {
				long states = PurposeStates.all(purposes.size(), legacy) & 0xFFFFFFFFL;
				return states | LEGACY | (ConsentCookieFormat.LEGACY_REVISION.equals(revision) ? REVISION_MATCHES : 0);
			}
		}
		int signatureAt = ConsentCookieSigner.unsignedLength(value);
		boolean signed = signatureAt >= 0;
		if (signed && !isSignature(value, signatureAt + 1)) {
			return MALFORMED;
		}
		int end = signed ? signatureAt : value.length();
		if (end < 7 || value.charAt(0) != '1' || value.charAt(1) != '.') {
			return MALFORMED;
		}
		// A signature holds no '.', so every '.' found lies before it
		int revisionEnd = value.indexOf('.', 2);
		if (revisionEnd < 0 || revisionEnd - 2 > MAX_REVISION_LENGTH || !isRevision(value, 2, revisionEnd)) {
			return MALFORMED;
		}
		boolean revisionMatches = revision.length() == revisionEnd - 2
				&& value.regionMatches(2, revision, 0, revision.length());
		int purposesEnd = value.indexOf('.', revisionEnd + 1);
		boolean hasReceipt = purposesEnd >= 0;
		if (!hasReceipt) {
			purposesEnd = end;
		}
		else if (end - purposesEnd - 1 != RECEIPT_ID_LENGTH || !isReceipt(value, purposesEnd + 1)) {
			return MALFORMED;
		}
		long states = scanPurposes(value, revisionEnd + 1, purposesEnd, purposes);
		if (states == MALFORMED) {
			return MALFORMED;
		}
		return states | (revisionMatches ? REVISION_MATCHES : 0) | (hasReceipt ? HAS_RECEIPT : 0)
				| (signed ? SIGNED : 0);
	}

	private static long scanPurposes(String value, int from, int to, ConsentPurposes purposes) {
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
			int index = purposes.indexOf(value, at, colon);
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

	static boolean isRevision(String value, int from, int to) {
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

	// Base64url's alphabet is the revision's: letters, digits, '_' and '-'
	private static boolean isSignature(String value, int from) {
		return isRevision(value, from, value.length());
	}

	static boolean isReceipt(String value, int from) {
		for (int i = from; i < from + RECEIPT_ID_LENGTH; i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

}
