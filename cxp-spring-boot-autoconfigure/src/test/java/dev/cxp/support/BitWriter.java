package dev.cxp.support;

/**
 * Bits written one field at a time, most significant bit first, and read out in base64url, as the IAB's consent
 * strings lay them out: for tests that write what no consent platform would.
 */
public final class BitWriter {

	private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private final StringBuilder bits = new StringBuilder();

	/**
	 * Write a field.
	 * @param value the field's value
	 * @param width the field's width in bits
	 * @return this writer
	 */
	public BitWriter write(long value, int width) {
		for (int bit = width - 1; bit >= 0; bit--) {
			this.bits.append(((value >> bit) & 1) == 1 ? '1' : '0');
		}
		return this;
	}

	/**
	 * The bits written so far in base64url, the last sextet padded with zeros.
	 * @return the text
	 */
	public String toBase64Url() {
		StringBuilder padded = new StringBuilder(this.bits);
		while (padded.length() % 6 != 0) {
			padded.append('0');
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < padded.length(); i += 6) {
			text.append(BASE64URL.charAt(Integer.parseInt(padded.substring(i, i + 6), 2)));
		}
		return text.toString();
	}

}
