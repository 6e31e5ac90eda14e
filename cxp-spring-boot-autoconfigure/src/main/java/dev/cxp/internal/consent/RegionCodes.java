package dev.cxp.internal.consent;

import java.util.Locale;
import java.util.Set;

/**
 * The region codes the starter understands: ISO 3166-1 alpha-2 countries, first-level ISO 3166-2
 * subdivisions ({@code US-CA}), and the group {@code EEA}.
 *
 * @since 0.2.0
 */
public final class RegionCodes {

	/**
	 * The group of the 30 countries of the European Economic Area: the 27 EU member states, Iceland,
	 * Liechtenstein and Norway.
	 */
	public static final String EEA = "EEA";

	/**
	 * The members of {@link #EEA}.
	 */
	public static final Set<String> EEA_COUNTRIES = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
			"DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS",
			"LI", "NO");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private RegionCodes() {
	}

	/**
	 * Whether a code is an ISO 3166-1 alpha-2 country code.
	 * @param code an upper-case candidate
	 * @return {@code true} for an assigned country code such as {@code DE}
	 */
	public static boolean isCountry(String code) {
		return code.length() == 2 && COUNTRIES.contains(code);
	}

	/**
	 * Check a configured region code and bring it to its canonical upper-case form.
	 * @param property the property that holds the code, named in the error message
	 * @param code the code as configured, in any case
	 * @return the canonical code
	 * @throws IllegalArgumentException when the code is not a country, a subdivision of one, or {@code EEA}
	 */
	public static String canonical(String property, String code) {
		String upper = code.toUpperCase(Locale.ROOT);
		if (upper.equals(EEA) || isCountry(upper)) {
			return upper;
		}
		if (upper.equals("UK")) {
			throw new IllegalArgumentException(property + ": 'UK' is not an ISO 3166-1 code; use 'GB' for the United Kingdom");
		}
		if (upper.equals("EU")) {
			throw new IllegalArgumentException(property + ": 'EU' is not a country; use 'EEA' for the European Economic Area");
		}
		int dash = upper.indexOf('-');
		if (dash == 2 && isCountry(upper.substring(0, 2)) && isSubdivision(upper.substring(3))) {
			return upper;
		}
		throw new IllegalArgumentException(property + ": '" + printable(code) + "' is not a region; use an ISO 3166-1 "
				+ "alpha-2 country code (DE), an ISO 3166-2 subdivision code (US-CA) or EEA");
	}

	static boolean isSubdivision(String code) {
		if (code.isEmpty() || code.length() > 3) {
			return false;
		}
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

	private static String printable(String value) {
		StringBuilder printable = new StringBuilder();
		for (int i = 0; i < value.length() && i < 40; i++) {
			char c = value.charAt(i);
			printable.append((c < ' ' || c > '~') ? '?' : c);
		}
		return printable.toString();
	}

}
