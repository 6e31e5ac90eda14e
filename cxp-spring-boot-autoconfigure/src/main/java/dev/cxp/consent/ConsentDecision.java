package dev.cxp.consent;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ConsentResolver}'s answer for one request: the state of each purpose and where it came from.
 * <p>
 * {@link #state()} is the state of the tracking purpose ({@code cxp.consent.tracking-purpose}), the one that
 * gates the starter's own tracking. {@link #state(String)} answers for any purpose: the state listed in
 * {@link #purposes()}, or {@link #state()} for a purpose not listed. A decision made without purposes, such as
 * {@code ConsentDecision.granted("cmp")}, therefore gives every purpose the same state.
 *
 * @param state the consent state of the tracking purpose, and of every purpose not listed in {@code purposes}
 * @param source a short, low-cardinality name of where the state came from, such as {@code header},
 * {@code cookie} or {@code gpc} (see {@link ConsentSources}); it becomes a metric tag, so never put an id or a
 * value from the request here
 * @param purposes the purposes whose state differs from {@code state}, by purpose name; empty when every
 * purpose has {@code state}
 * @since 0.1.0
 */
public record ConsentDecision(ConsentState state, String source, Map<String, ConsentState> purposes) {

	private static final ConsentDecision UNSPECIFIED = new ConsentDecision(ConsentState.UNSPECIFIED, ConsentSources.NONE);

	/**
	 * Create a decision. Listed purposes that have {@code state} are dropped, so that two decisions that
	 * answer the same for every purpose are equal.
	 * @param state the state of the tracking purpose and of every purpose not listed
	 * @param source where the decision came from
	 * @param purposes the states of purposes that may differ from {@code state}
	 */
	public ConsentDecision {
		Objects.requireNonNull(state, "state must not be null");
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(purposes, "purposes must not be null");
		purposes = differing(state, purposes);
	}

	/**
	 * Create a decision that gives every purpose the same state.
	 * @param state the state of every purpose
	 * @param source where the decision came from
	 */
	public ConsentDecision(ConsentState state, String source) {
		this(state, source, Map.of());
	}

	private static Map<String, ConsentState> differing(ConsentState state, Map<String, ConsentState> purposes) {
		if (purposes.isEmpty()) {
			return Map.of();
		}
		boolean uniform = true;
		for (Map.Entry<String, ConsentState> entry : purposes.entrySet()) {
			Objects.requireNonNull(entry.getKey(), "purpose names must not be null");
			Objects.requireNonNull(entry.getValue(), "purpose states must not be null");
			uniform &= (entry.getValue() == state);
		}
		if (uniform) {
			return Map.of();
		}
		Map<String, ConsentState> kept = new HashMap<>();
		purposes.forEach((purpose, purposeState) -> {
			if (purposeState != state) {
				kept.put(purpose, purposeState);
			}
		});
		return Map.copyOf(kept);
	}

	/**
	 * A decision that grants consent for every purpose.
	 * @param source where the grant came from
	 * @return the decision
	 */
	public static ConsentDecision granted(String source) {
		return new ConsentDecision(ConsentState.GRANTED, source);
	}

	/**
	 * A decision that denies consent for every purpose.
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

	/**
	 * The state of one purpose.
	 * @param purpose the purpose name, such as {@code ads}
	 * @return its listed state, or {@link #state()} when it is not listed
	 * @since 0.2.0
	 */
	public ConsentState state(String purpose) {
		if (this.purposes.isEmpty()) {
			return this.state;
		}
		ConsentState listed = this.purposes.get(purpose);
		return (listed != null) ? listed : this.state;
	}

	/**
	 * Whether every purpose has the same state, {@link #state()}.
	 * @return {@code true} when no purpose is listed with a state of its own
	 * @since 0.2.0
	 */
	public boolean isUniform() {
		return this.purposes.isEmpty();
	}

}
