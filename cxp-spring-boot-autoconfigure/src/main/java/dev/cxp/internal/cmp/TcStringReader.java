package dev.cxp.internal.cmp;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.cmp.TcfConsent;

/**
 * Reads what the starter needs from an IAB TCF v2 TC string, the standalone one or the TCF EU v2 section of a
 * GPP string (the same format), without decoding any list the string declares.
 * <p>
 * The fields read are those of the TCF v2.2 "TC string format" (IAB Tech Lab, "Consent string and vendor list
 * formats v2") that sit at fixed positions: in the core segment {@code Version} (bits 0-5),
 * {@code CmpId} (78-89), {@code TcfPolicyVersion} (132-137) and {@code PurposesConsent} (152-175); in the
 * publisher TC segment, after its 3-bit {@code SegmentType} of 3, {@code PubPurposesConsent} (3-26). The
 * variable-length part of the core segment (the vendor consent and legitimate interest sections and the
 * publisher restrictions) is walked only to check that what it declares fits in the string, as a decoder of
 * the whole segment would: each step of that walk consumes at least 17 bits of the string, so its cost is
 * bounded by the string's length, never by the vendor ranges it declares, and it allocates nothing.
 * Disclosed and allowed vendors segments are recognised by their type and not read.
 */
final class TcStringReader {

	static final int VERSION = 2;

	static final int PURPOSES = 24;

	// Core segment, in order (TC string format, "Core String")
	private static final int VERSION_BITS = 6;

	private static final int CREATED_BITS = 36;

	private static final int LAST_UPDATED_BITS = 36;

	private static final int CMP_ID_BITS = 12;

	private static final int CMP_VERSION_BITS = 12;

	private static final int CONSENT_SCREEN_BITS = 6;

	private static final int CONSENT_LANGUAGE_BITS = 12;

	private static final int VENDOR_LIST_VERSION_BITS = 12;

	private static final int TCF_POLICY_VERSION_BITS = 6;

	private static final int IS_SERVICE_SPECIFIC_BITS = 1;

	private static final int USE_NON_STANDARD_STACKS_BITS = 1;

	private static final int SPECIAL_FEATURE_OPT_INS_BITS = 12;

	private static final int PURPOSES_LI_TRANSPARENCY_BITS = 24;

	private static final int PURPOSE_ONE_TREATMENT_BITS = 1;

	private static final int PUBLISHER_CC_BITS = 12;

	/** Every field before the vendor consent section: 213 bits. */
	static final int CORE_FIXED_BITS = VERSION_BITS + CREATED_BITS + LAST_UPDATED_BITS + CMP_ID_BITS
			+ CMP_VERSION_BITS + CONSENT_SCREEN_BITS + CONSENT_LANGUAGE_BITS + VENDOR_LIST_VERSION_BITS
			+ TCF_POLICY_VERSION_BITS + IS_SERVICE_SPECIFIC_BITS + USE_NON_STANDARD_STACKS_BITS
			+ SPECIAL_FEATURE_OPT_INS_BITS + PURPOSES + PURPOSES_LI_TRANSPARENCY_BITS + PURPOSE_ONE_TREATMENT_BITS
			+ PUBLISHER_CC_BITS;

	// Vendor sections: MaxVendorId, IsRangeEncoding, then a bit field or NumEntries and RangeEntry items
	private static final int MAX_VENDOR_ID_BITS = 16;

	private static final int NUM_ENTRIES_BITS = 12;

	private static final int VENDOR_ID_BITS = 16;

	private static final int MAX_COUNTED_IDS = 8192;

	// Publisher restrictions: NumPubRestrictions, then PurposeId and RestrictionType before each range section
	private static final int NUM_PUB_RESTRICTIONS_BITS = 12;

	private static final int PURPOSE_ID_BITS = 6;

	private static final int RESTRICTION_TYPE_BITS = 2;

	// Segment types, the first three bits of a segment; disclosed (1) and allowed (2) vendors are not read
	private static final int CORE = 0;

	private static final int PUBLISHER_TC = 3;

	// Publisher TC segment (TC string format, "Publisher Purposes Transparency and Consent")
	private static final int SEGMENT_TYPE_BITS = 3;

	private static final int NUM_CUSTOM_PURPOSES_BITS = 6;

	private TcStringReader() {
	}

	/**
	 * Read a whole TC string.
	 * @param tcString the string
	 * @return what it says, or {@code null} when it is not a well-formed TC string of version 2
	 */
	static @Nullable TcfConsent read(String tcString) {
		return read(tcString, 0, tcString.length());
	}

	/**
	 * Read a TC string that is part of a longer text, such as a section of a GPP string.
	 * @param text the text
	 * @param start where the TC string starts
	 * @param end where it ends (exclusive)
	 * @return what it says, or {@code null} when it is not a well-formed TC string of version 2
	 */
	static @Nullable TcfConsent read(String text, int start, int end) {
		// The first segment is the core one: its first six bits are the version, 2, so it starts with C
		if (start >= end || segmentType(text.charAt(start)) != CORE) {
			return null;
		}
		int coreEnd = segmentEnd(text, start, end);
		Core core = readCore(text, start, coreEnd);
		if (core == null) {
			return null;
		}
		Set<Integer> publisher = null;
		for (int from = coreEnd + 1; from < end; from = segmentEnd(text, from, end) + 1) {
			int to = segmentEnd(text, from, end);
			if (from == to) {
				continue;
			}
			int type = segmentType(text.charAt(from));
			if (type == CORE || type > PUBLISHER_TC) {
				return null;
			}
			if (type == PUBLISHER_TC) {
				if (publisher != null) {
					return null;
				}
				publisher = readPublisherPurposes(text, from, to);
				if (publisher == null) {
					return null;
				}
			}
		}
		return new TcfConsent(core.policyVersion(), core.cmpId(), core.purposes(), publisher);
	}

	private static @Nullable Core readCore(String text, int start, int end) {
		Base64UrlBits bits = Base64UrlBits.of(text, start, end);
		if (bits == null || !bits.has(CORE_FIXED_BITS) || bits.read(VERSION_BITS) != VERSION) {
			return null;
		}
		bits.skip(CREATED_BITS + LAST_UPDATED_BITS);
		int cmpId = bits.read(CMP_ID_BITS);
		bits.skip(CMP_VERSION_BITS + CONSENT_SCREEN_BITS + CONSENT_LANGUAGE_BITS + VENDOR_LIST_VERSION_BITS);
		int policyVersion = bits.read(TCF_POLICY_VERSION_BITS);
		bits.skip(IS_SERVICE_SPECIFIC_BITS + USE_NON_STANDARD_STACKS_BITS + SPECIAL_FEATURE_OPT_INS_BITS);
		Set<Integer> purposes = readPurposes(bits);
		bits.skip(PURPOSES_LI_TRANSPARENCY_BITS + PURPOSE_ONE_TREATMENT_BITS + PUBLISHER_CC_BITS);
		if (!vendorSectionFits(bits) || !vendorSectionFits(bits) || publisherRestrictions(bits) == Ranges.INVERTED) {
			return null;
		}
		return new Core(cmpId, policyVersion, purposes);
	}

	private static @Nullable Set<Integer> readPublisherPurposes(String text, int start, int end) {
		Base64UrlBits bits = Base64UrlBits.of(text, start, end);
		int fixed = SEGMENT_TYPE_BITS + PURPOSES + PURPOSES_LI_TRANSPARENCY_BITS + NUM_CUSTOM_PURPOSES_BITS;
		if (bits == null || !bits.has(fixed)) {
			return null;
		}
		bits.skip(SEGMENT_TYPE_BITS);
		Set<Integer> purposes = readPurposes(bits);
		bits.skip(PURPOSES_LI_TRANSPARENCY_BITS);
		int customPurposes = bits.read(NUM_CUSTOM_PURPOSES_BITS);
		// PubPurposesCustomConsent and PubPurposesCustomLITransparency, one bit per custom purpose each
		return bits.has(2L * customPurposes) ? purposes : null;
	}

	private static Set<Integer> readPurposes(Base64UrlBits bits) {
		Set<Integer> purposes = new HashSet<>();
		for (int id = 1; id <= PURPOSES; id++) {
			if (bits.readBit()) {
				purposes.add(id);
			}
		}
		return purposes;
	}

	// A bit field of MaxVendorId bits, or NumEntries ranges; a decoder of the segment refuses either cut short
	private static boolean vendorSectionFits(Base64UrlBits bits) {
		if (!bits.has(MAX_VENDOR_ID_BITS + 1)) {
			return false;
		}
		int maxVendorId = bits.read(MAX_VENDOR_ID_BITS);
		if (bits.readBit()) {
			return ranges(bits) == Ranges.FIT;
		}
		if (!bits.has(maxVendorId)) {
			return false;
		}
		bits.skip(maxVendorId);
		return true;
	}

	// Publisher restrictions are optional at the end of the core segment: only an inverted range refuses them
	private static Ranges publisherRestrictions(Base64UrlBits bits) {
		if (!bits.has(NUM_PUB_RESTRICTIONS_BITS)) {
			return Ranges.CUT_SHORT;
		}
		int restrictions = bits.read(NUM_PUB_RESTRICTIONS_BITS);
		boolean inverted = false;
		for (int i = 0; i < restrictions; i++) {
			if (!bits.has(PURPOSE_ID_BITS + RESTRICTION_TYPE_BITS)) {
				return Ranges.CUT_SHORT;
			}
			bits.skip(PURPOSE_ID_BITS + RESTRICTION_TYPE_BITS);
			Ranges ranges = ranges(bits);
			if (ranges == Ranges.CUT_SHORT) {
				return ranges;
			}
			inverted |= ranges == Ranges.INVERTED;
		}
		return inverted ? Ranges.INVERTED : Ranges.FIT;
	}

	// NumEntries, then IsARange and one or two vendor ids per entry: at least 17 bits per step. A range whose
	// last id comes before its first is refused, as the IAB's decoder does until it has counted 8,192 ids.
	private static Ranges ranges(Base64UrlBits bits) {
		if (!bits.has(NUM_ENTRIES_BITS)) {
			return Ranges.CUT_SHORT;
		}
		int entries = bits.read(NUM_ENTRIES_BITS);
		boolean inverted = false;
		boolean counting = true;
		long ids = 0;
		for (int i = 0; i < entries; i++) {
			if (!bits.has(1 + VENDOR_ID_BITS)) {
				return Ranges.CUT_SHORT;
			}
			if (bits.readBit()) {
				if (!bits.has(2 * VENDOR_ID_BITS)) {
					return Ranges.CUT_SHORT;
				}
				int first = bits.read(VENDOR_ID_BITS);
				int last = bits.read(VENDOR_ID_BITS);
				if (counting) {
					inverted = last < first;
					counting = !inverted && ids + last - first <= MAX_COUNTED_IDS;
					ids += last - first + 1;
				}
			}
			else {
				bits.skip(VENDOR_ID_BITS);
				counting = counting && ids != MAX_COUNTED_IDS;
				ids++;
			}
		}
		return inverted ? Ranges.INVERTED : Ranges.FIT;
	}

	private static int segmentEnd(String text, int from, int end) {
		for (int i = from; i < end; i++) {
			if (text.charAt(i) == '.') {
				return i;
			}
		}
		return end;
	}

	// The first three bits of a segment are its type; those of the core segment are the version's first bits
	private static int segmentType(char first) {
		int sextet = Base64UrlBits.sextet(first);
		return (sextet < 0) ? Integer.MAX_VALUE : sextet >> 3;
	}

	/**
	 * What walking a list of vendor ranges found.
	 */
	private enum Ranges {

		FIT, INVERTED, CUT_SHORT

	}

	private record Core(int cmpId, int policyVersion, Set<Integer> purposes) {
	}

}
