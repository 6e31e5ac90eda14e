package dev.cxp.internal.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * Decodes what a platform's script encoded into a cookie value, refusing what no browser's encoder writes:
 * malformed or truncated percent-escapes and escapes that are not UTF-8.
 */
final class CookieValues {

	private static final char REPLACEMENT = '\uFFFD';

	private CookieValues() {
	}

	/**
	 * Decode as JavaScript's {@code decodeURIComponent} does: {@code %XX} escapes of UTF-8 bytes, and nothing
	 * else ({@code +} stays a plus sign). The value must be printable ASCII, as {@code encodeURIComponent}
	 * writes it.
	 * @param value the raw cookie value
	 * @return the decoded text, or {@code null} when the value is not such an encoding
	 */
	static @Nullable String percentDecoded(String value) {
		if (!isPrintableAscii(value)) {
			return null;
		}
		try {
			return wellFormed(StringUtils.uriDecode(value, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Decode as {@code application/x-www-form-urlencoded} text: {@code %XX} escapes of UTF-8 bytes, and
	 * {@code +} for a space.
	 * @param value the encoded text
	 * @return the decoded text, or {@code null} when the value is not such an encoding
	 */
	static @Nullable String formDecoded(String value) {
		try {
			return wellFormed(URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whether every character is printable ASCII, from {@code !} to {@code ~}.
	 * @param value the value
	 * @return {@code false} for spaces, controls and anything beyond ASCII
	 */
	static boolean isPrintableAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '!' || c > '~') {
				return false;
			}
		}
		return true;
	}

	// Both decoders put U+FFFD where the escaped bytes are not UTF-8; no platform encodes that character itself
	private static @Nullable String wellFormed(String decoded) {
		return (decoded.indexOf(REPLACEMENT) < 0) ? decoded : null;
	}

}
