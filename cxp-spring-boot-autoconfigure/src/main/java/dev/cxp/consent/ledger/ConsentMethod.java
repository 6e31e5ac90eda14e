package dev.cxp.consent.ledger;

import java.util.Locale;

/**
 * How a visitor made the recorded choice.
 *
 * @since 0.2.0
 */
public enum ConsentMethod {

	/**
	 * Through the consent banner of the starter's script.
	 */
	BANNER,

	/**
	 * Through a direct call of the consent endpoint, without the banner.
	 */
	API,

	/**
	 * A withdrawal of consent, however it was made.
	 */
	WITHDRAWAL,

	/**
	 * Restored on a browser from the latest choice of the signed-in user, made on another browser.
	 * @since 0.3.0
	 */
	RESTORED;

	/**
	 * The value kept in the ledger.
	 * @return {@code banner}, {@code api}, {@code withdrawal} or {@code restored}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The method a ledger value stands for.
	 * @param value {@code banner}, {@code api}, {@code withdrawal} or {@code restored}
	 * @return the method
	 * @throws IllegalArgumentException when the value is none of them
	 */
	public static ConsentMethod fromValue(String value) {
		for (ConsentMethod method : values()) {
			if (method.value().equals(value)) {
				return method;
			}
		}
		throw new IllegalArgumentException("Unknown consent method");
	}

}
