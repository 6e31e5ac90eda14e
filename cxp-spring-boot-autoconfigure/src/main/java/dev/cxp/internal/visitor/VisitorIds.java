package dev.cxp.internal.visitor;

import org.jspecify.annotations.Nullable;

/**
 * What counts as a valid visitor id: 1 to 128 characters of {@code [A-Za-z0-9_.-]}, so that ids written
 * by the CXP browser SDK survive while anything that could break a header, a log line or a store key is
 * rejected.
 *
 * @since 0.1.0
 */
public final class VisitorIds {

	/**
	 * The longest valid id.
	 */
	public static final int MAX_LENGTH = 128;

	// A table rather than a chain of range checks: the characters of a hexadecimal id alternate at random
	// between letters and digits, and each range check the processor mispredicts costs more than a lookup
	private static final boolean[] ID_CHARACTERS = idCharacters();

	private VisitorIds() {
	}

	/**
	 * Whether a value is a valid visitor id.
	 * @param value the value, possibly {@code null}
	 * @return {@code true} when it may be used as is
	 */
	public static boolean isValid(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isIdCharacter(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isIdCharacter(char c) {
		return c < ID_CHARACTERS.length && ID_CHARACTERS[c];
	}

	private static boolean[] idCharacters() {
		boolean[] table = new boolean[128];
		for (char c = 0; c < table.length; c++) {
			table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '.' || c == '-';
		}
		return table;
	}

}
