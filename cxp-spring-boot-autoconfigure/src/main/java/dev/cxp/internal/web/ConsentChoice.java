package dev.cxp.internal.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * A choice sent to the consent endpoint: either one state for every purpose ({@code {"consent":"granted"}}),
 * or states for the purposes named ({@code {"purposes":{"ads":"denied"}}}), the others keeping their recorded
 * state.
 *
 * @param all the state of every purpose, or {@code null} for a choice per purpose
 * @param purposes the states of the purposes named, empty when {@code all} is set
 * @since 0.2.0
 */
public record ConsentChoice(@Nullable ConsentState all, Map<String, ConsentState> purposes) {

	/**
	 * Create a choice.
	 * @param all the state of every purpose, or {@code null}
	 * @param purposes the states of the purposes named
	 */
	public ConsentChoice {
		purposes = Map.copyOf(purposes);
		if (all == ConsentState.UNSPECIFIED || purposes.containsValue(ConsentState.UNSPECIFIED)) {
			throw new IllegalArgumentException("A consent choice grants or denies");
		}
		if ((all == null) == purposes.isEmpty()) {
			throw new IllegalArgumentException("A consent choice is either for every purpose or per purpose");
		}
	}

	/**
	 * The same choice for every purpose.
	 * @param state {@link ConsentState#GRANTED} or {@link ConsentState#DENIED}
	 * @return the choice
	 */
	public static ConsentChoice every(ConsentState state) {
		return new ConsentChoice(state, Map.of());
	}

	/**
	 * A choice per purpose.
	 * @param purposes the states of the purposes named
	 * @return the choice
	 */
	public static ConsentChoice perPurpose(Map<String, ConsentState> purposes) {
		return new ConsentChoice(null, purposes);
	}

}
