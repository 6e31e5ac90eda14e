package dev.cxp.consent;

/**
 * What a visitor said about being tracked.
 *
 * @since 0.1.0
 */
public enum ConsentState {

	/**
	 * The visitor agreed.
	 */
	GRANTED,

	/**
	 * The visitor refused, withdrew, or signalled an opt-out (Global Privacy Control).
	 */
	DENIED,

	/**
	 * Nothing is known: whether that counts as consent is the {@code cxp.consent.required} policy's call.
	 */
	UNSPECIFIED

}
