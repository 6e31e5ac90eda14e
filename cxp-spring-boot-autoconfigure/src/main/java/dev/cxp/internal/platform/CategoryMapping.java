package dev.cxp.internal.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * Maps a platform's categories to the starter's purposes: a purpose is granted when every category mapped to it
 * is accepted (and the platform's grants count), denied when any of them is refused, and otherwise not stated.
 */
final class CategoryMapping {

	private final Map<String, List<String>> purposes;

	CategoryMapping(Map<String, List<String>> purposes) {
		this.purposes = copyOf(purposes);
	}

	/**
	 * The states of the mapped purposes a platform's choice decides.
	 * @param choice what the cookie says
	 * @return the stated purposes, in the mapping's order; empty when it decides none
	 */
	Map<String, ConsentState> states(PlatformChoice choice) {
		Map<String, ConsentState> states = null;
		for (Map.Entry<String, List<String>> purpose : this.purposes.entrySet()) {
			ConsentState state = state(purpose.getValue(), choice);
			if (state != ConsentState.UNSPECIFIED) {
				if (states == null) {
					states = new LinkedHashMap<>();
				}
				states.put(purpose.getKey(), state);
			}
		}
		return (states != null) ? Collections.unmodifiableMap(states) : Map.of();
	}

	Map<String, List<String>> purposes() {
		return this.purposes;
	}

	private static ConsentState state(List<String> categories, PlatformChoice choice) {
		boolean allAccepted = !categories.isEmpty();
		for (String category : categories) {
			Boolean accepted = choice.categories().accepted(category);
			if (Boolean.FALSE.equals(accepted)) {
				return ConsentState.DENIED;
			}
			allAccepted &= Boolean.TRUE.equals(accepted);
		}
		return (allAccepted && choice.grantsCount()) ? ConsentState.GRANTED : ConsentState.UNSPECIFIED;
	}

	/**
	 * Combine the states of two copies of one cookie: per purpose a denial wins over a grant, and a purpose
	 * either states is stated.
	 * @param states the states so far, or {@code null} when no copy was readable yet
	 * @param more the states of the next readable copy
	 * @return the combined states
	 */
	static Map<String, ConsentState> combine(@Nullable Map<String, ConsentState> states,
			Map<String, ConsentState> more) {
		if (states == null || states.equals(more) || more.isEmpty()) {
			return (states != null) ? states : more;
		}
		if (states.isEmpty()) {
			return more;
		}
		Map<String, ConsentState> combined = new LinkedHashMap<>(states);
		more.forEach((purpose, state) -> combined.merge(purpose, state,
				(a, b) -> (a == ConsentState.DENIED || b == ConsentState.DENIED) ? ConsentState.DENIED : a));
		return Collections.unmodifiableMap(combined);
	}

	/**
	 * An unmodifiable copy of a mapping that keeps its order.
	 * @param mapping for each purpose, its categories
	 * @return the copy
	 */
	static Map<String, List<String>> copyOf(Map<String, List<String>> mapping) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		mapping.forEach((purpose, categories) -> copy.put(purpose, List.copyOf(categories)));
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * A mapping of two purposes to one category each, in this order.
	 */
	static Map<String, List<String>> of(String purpose, String category, String otherPurpose, String otherCategory) {
		Map<String, List<String>> mapping = new LinkedHashMap<>();
		mapping.put(purpose, List.of(category));
		mapping.put(otherPurpose, List.of(otherCategory));
		return Collections.unmodifiableMap(mapping);
	}

}
