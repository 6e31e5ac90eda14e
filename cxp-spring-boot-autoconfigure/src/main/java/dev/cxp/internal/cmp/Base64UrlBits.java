package dev.cxp.internal.cmp;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads the bits of a base64url text in place, most significant bit first, six bits per character, as the IAB
 * consent strings are encoded (TCF v2 "TC string format", GPP "Consent String Specification"). Nothing is
 * decoded ahead of what is read, and nothing is allocated per bit: a field costs its width, whatever the text
 * declares elsewhere.
 */
final class Base64UrlBits {

	private static final int BITS_PER_CHAR = 6;

	private static final byte[] SEXTETS = sextets();

	private final String text;

	private final int start;

	private final int length;

	private int position;

	private Base64UrlBits(String text, int start, int end) {
		this.text = text;
		this.start = start;
		this.length = (end - start) * BITS_PER_CHAR;
	}

	/**
	 * The bits of {@code text} from {@code start} (inclusive) to {@code end} (exclusive).
	 * @return the reader, at bit 0, or {@code null} when a character of the range is not base64url
	 */
	static @Nullable Base64UrlBits of(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (sextet(text.charAt(i)) < 0) {
				return null;
			}
		}
		return new Base64UrlBits(text, start, end);
	}

	/**
	 * The value of one base64url character.
	 * @return 0 to 63, or -1 for any other character
	 */
	static int sextet(char c) {
		return (c < SEXTETS.length) ? SEXTETS[c] : -1;
	}

	/**
	 * Whether at least {@code bits} more bits can be read.
	 */
	boolean has(long bits) {
		return bits <= this.length - this.position;
	}

	/**
	 * How many bits were read or skipped.
	 */
	int position() {
		return this.position;
	}

	/**
	 * Read an unsigned integer; the caller checks {@link #has(long)} first.
	 * @param width its width in bits, at most 31
	 */
	int read(int width) {
		int value = 0;
		int remaining = width;
		while (remaining > 0) {
			// As many bits as are left in the current character, at most the ones still wanted
			int offset = this.position % BITS_PER_CHAR;
			int available = BITS_PER_CHAR - offset;
			int taken = Math.min(available, remaining);
			int sextet = SEXTETS[this.text.charAt(this.start + this.position / BITS_PER_CHAR)];
			value = (value << taken) | ((sextet >> (available - taken)) & ((1 << taken) - 1));
			this.position += taken;
			remaining -= taken;
		}
		return value;
	}

	/**
	 * Read one bit; the caller checks {@link #has(long)} first.
	 */
	boolean readBit() {
		return bit(this.position++) == 1;
	}

	/**
	 * Move past bits without reading them; the caller checks {@link #has(long)} first.
	 */
	void skip(int bits) {
		this.position += bits;
	}

	private int bit(int index) {
		int sextet = SEXTETS[this.text.charAt(this.start + index / BITS_PER_CHAR)];
		return (sextet >> (BITS_PER_CHAR - 1 - index % BITS_PER_CHAR)) & 1;
	}

	private static byte[] sextets() {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		byte[] sextets = new byte[128];
		Arrays.fill(sextets, (byte) -1);
		for (int i = 0; i < alphabet.length(); i++) {
			sextets[alphabet.charAt(i)] = (byte) i;
		}
		return sextets;
	}

}
