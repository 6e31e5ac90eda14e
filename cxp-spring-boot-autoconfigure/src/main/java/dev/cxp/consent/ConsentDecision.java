package dev.cxp.consent;

import java.util.Objects;

/**
 * A {@link ConsentResolver}'s answer for one request: the state and where it came from.
 *
 * @param state the consent state
 * @param source a short, low-cardinality name of where the state came from, such as {@code header},
 * {@code cookie} or {@code gpc} (see {@link ConsentSources}); it becomes a metric tag, so never put an id or a value from the request here
 * @since 0.1.0
 */
public record ConsentDecision(ConsentState state, String source) {

	private static final ConsentDecision UNSPECIFIED = new ConsentDecision(ConsentState.UNSPECIFIED, ConsentSources.NONE);

	public ConsentDecision {
		Objects.requireNonNull(state, "state must not be null");
		Objects.requireNonNull(source, "source must not be null");
	}

	/**
	 * A decision that grants consent.
	 * @param source where the grant came from
	 * @return the decision
	 */
	public static ConsentDecision granted(String source) {
		return new ConsentDecision(ConsentState.GRANTED, source);
	}

	/**
	 * A decision that denies consent.
	 * @param source where the denial came from
	 * @return the decision
	 */
	public static ConsentDecision denied(String source) {
		return new ConsentDecision(ConsentState.DENIED, source);
	}

	/**
	 * The decision when nothing is known, with source {@code none}.
	 * @return the decision
	 */
	public static ConsentDecision unspecified() {
		return UNSPECIFIED;
	}

}
