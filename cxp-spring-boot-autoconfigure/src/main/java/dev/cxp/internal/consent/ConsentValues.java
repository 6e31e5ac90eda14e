package dev.cxp.internal.consent;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * The consent values understood on the wire, in headers, cookies and the consent endpoint's body.
 *
 * @since 0.1.0
 */
public final class ConsentValues {

	private ConsentValues() {
	}

	/**
	 * Parse a consent value, ignoring case: {@code granted}, {@code true}, {@code 1}, {@code yes} grant;
	 * {@code denied}, {@code false}, {@code 0}, {@code no} deny.
	 * @param value the raw value, possibly {@code null} or junk
	 * @return {@link ConsentState#GRANTED} or {@link ConsentState#DENIED}, or {@code null} when the value
	 * is not understood
	 */
	public static @Nullable ConsentState parse(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > 7) {
			return null;
		}
		if (value.equalsIgnoreCase("granted") || value.equalsIgnoreCase("true") || value.equals("1")
				|| value.equalsIgnoreCase("yes")) {
			return ConsentState.GRANTED;
		}
		if (value.equalsIgnoreCase("denied") || value.equalsIgnoreCase("false") || value.equals("0")
				|| value.equalsIgnoreCase("no")) {
			return ConsentState.DENIED;
		}
		return null;
	}

	/**
	 * The canonical value written to the consent cookie for a state.
	 * @param state a granted or denied state
	 * @return {@code granted} or {@code denied}
	 */
	public static String cookieValue(ConsentState state) {
		return switch (state) {
			case GRANTED -> "granted";
			case DENIED -> "denied";
			case UNSPECIFIED -> throw new IllegalArgumentException("No cookie value records an unspecified choice");
		};
	}

	/**
	 * Combine two understood values of the same name, fail closed: a denial outweighs a grant, and a value
	 * that was not understood changes nothing.
	 * @param seen the state understood so far, possibly {@code null}
	 * @param next the next understood value, possibly {@code null}
	 * @return the combined state, {@code null} while neither was understood
	 * @since 0.2.0
	 */
	public static @Nullable ConsentState strictest(@Nullable ConsentState seen, @Nullable ConsentState next) {
		if (seen == ConsentState.DENIED || next == null) {
			return seen;
		}
		return next;
	}

}
