package dev.cxp.internal.cmp;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The discrete sections of an IAB Global Privacy Platform string, found without decoding any of them.
 * <p>
 * The header is read as the GPP "Consent String Specification" defines it: {@code Type} (6 bits, 3),
 * {@code Version} (6 bits, 1), then {@code Sections}, a range of Fibonacci-coded section ids: a 12-bit count,
 * and per item a bit that says whether it is a range, its first id as an offset from the previous id, and for a
 * range the offset of its last id. Section ids name, in order, the sections that follow the header, one each,
 * separated by {@code ~}. A range is expanded only as far as there are sections to pair its ids with: a header
 * that declares more ids than the string has sections is refused before anything is materialised, so the work
 * is bounded by the string's length, never by the ranges it declares. As the IAB's own decoder does, a string
 * that starts with {@code C} is read as a TC string alone (section id 2), a Fibonacci code longer than 24 bits
 * is refused, and a range that would take the list past 8,192 ids ends it.
 */
final class GppSections {

	static final int TCF_EU_V2 = 2;

	private static final char SEPARATOR = '~';

	private static final String HEADER_START = "DB";

	private static final int TYPE_AND_VERSION_BITS = 12;

	private static final int COUNT_BITS = 12;

	private static final int MAX_FIBONACCI_CODE_BITS = 24;

	/** The IAB's decoder ends the list of ids at a range that would take it past this many ids. */
	private static final int MAX_IDS = 8192;

	private final int[] ids;

	private final int[] starts;

	private final int[] ends;

	private GppSections(int[] ids, int[] starts, int[] ends) {
		this.ids = ids;
		this.starts = starts;
		this.ends = ends;
	}

	/**
	 * Find the sections of a GPP string.
	 * @param gpp the string
	 * @return its sections, or {@code null} when it is not a GPP string, its header cannot be read, or it names
	 * a section the string does not carry
	 */
	static @Nullable GppSections of(String gpp) {
		if (gpp.startsWith("C")) {
			return new GppSections(new int[] { TCF_EU_V2 }, new int[] { 0 }, new int[] { gpp.length() });
		}
		if (!gpp.startsWith(HEADER_START)) {
			return null;
		}
		int headerEnd = indexOfSeparator(gpp, 0);
		int sections = 0;
		for (int i = headerEnd; i < gpp.length(); i = indexOfSeparator(gpp, i + 1)) {
			sections++;
		}
		int[] ids = sectionIds(gpp, headerEnd, sections);
		if (ids == null) {
			return null;
		}
		int[] starts = new int[ids.length];
		int[] ends = new int[ids.length];
		int from = headerEnd + 1;
		for (int i = 0; i < ids.length; i++) {
			starts[i] = from;
			ends[i] = indexOfSeparator(gpp, from);
			if (starts[i] == ends[i]) {
				return null;
			}
			from = ends[i] + 1;
		}
		return new GppSections(ids, starts, ends);
	}

	/**
	 * How many sections the header names.
	 */
	int size() {
		return this.ids.length;
	}

	/**
	 * The id of a section, such as 2 for TCF EU v2 or 7 for usnat.
	 */
	int id(int index) {
		return this.ids[index];
	}

	/**
	 * Where the text of a section starts in the string.
	 */
	int start(int index) {
		return this.starts[index];
	}

	/**
	 * Where the text of a section ends in the string (exclusive).
	 */
	int end(int index) {
		return this.ends[index];
	}

	private static int @Nullable [] sectionIds(String gpp, int headerEnd, int sections) {
		Base64UrlBits bits = Base64UrlBits.of(gpp, 0, headerEnd);
		if (bits == null || !bits.has(TYPE_AND_VERSION_BITS + COUNT_BITS)) {
			return null;
		}
		bits.skip(TYPE_AND_VERSION_BITS);
		int items = bits.read(COUNT_BITS);
		int[] ids = new int[sections];
		int count = 0;
		int previous = 0;
		for (int i = 0; i < items; i++) {
			if (!bits.has(1)) {
				return null;
			}
			boolean range = bits.readBit();
			int first = fibonacci(bits);
			int last = range ? fibonacci(bits) : 0;
			if (first <= 0 || (range && last <= 0)) {
				return null;
			}
			first += previous;
			last += first;
			previous = range ? last : first;
			if (count + previous - first > MAX_IDS) {
				break;
			}
			// Each id names one of the sections that follow: more ids than sections cannot be a real string
			if (previous - first >= sections - count) {
				return null;
			}
			for (int id = first; id <= previous; id++) {
				ids[count++] = id;
			}
		}
		return (count == sections) ? ids : Arrays.copyOf(ids, count);
	}

	/**
	 * A Fibonacci-coded integer: bit i stands for the (i + 2)th Fibonacci number (1, 2, 3, 5, ...), and the code
	 * ends with the first two consecutive 1 bits.
	 * @return its value, at least 1, or 0 when the bits run out or the code is longer than 24 bits
	 */
	private static int fibonacci(Base64UrlBits bits) {
		int value = 0;
		int previous = 1;
		int current = 1;
		boolean lastWasOne = false;
		for (int length = 1; length <= MAX_FIBONACCI_CODE_BITS && bits.has(1); length++) {
			boolean one = bits.readBit();
			if (one && lastWasOne) {
				return value;
			}
			if (one) {
				value += current;
			}
			lastWasOne = one;
			int next = previous + current;
			previous = current;
			current = next;
		}
		return 0;
	}

	private static int indexOfSeparator(String gpp, int from) {
		int index = gpp.indexOf(SEPARATOR, from);
		return (index < 0) ? gpp.length() : index;
	}

}
