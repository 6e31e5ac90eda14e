package dev.cxp.internal.consent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;

/**
 * The purposes a site asks consent for ({@code cxp.consent.purposes}), in their configured order, and the
 * tracking purpose among them ({@code cxp.consent.tracking-purpose}) that gates the starter's own tracking.
 * A purpose name is 1 to 32 characters of {@code a-z}, {@code 0-9}, {@code _} and {@code -}.
 *
 * @since 0.2.0
 */
public final class ConsentPurposes {

	/**
	 * The most purposes a site may configure.
	 */
	public static final int MAX_PURPOSES = 16;

	/**
	 * The longest purpose name.
	 */
	public static final int MAX_NAME_LENGTH = 32;

	/**
	 * The purpose configured by default, which is also the default tracking purpose.
	 */
	public static final String ANALYTICS = "analytics";

	private static final ConsentPurposes DEFAULTS = new ConsentPurposes(List.of(ANALYTICS), ANALYTICS);

	private final List<String> names;

	private final String trackingPurpose;

	private ConsentPurposes(List<String> names, String trackingPurpose) {
		this.names = names;
		this.trackingPurpose = trackingPurpose;
	}

	/**
	 * The purposes configured by default: {@code analytics} alone, which is the tracking purpose.
	 * @return the default purposes
	 */
	public static ConsentPurposes defaults() {
		return DEFAULTS;
	}

	/**
	 * Validated purposes.
	 * @param names the purpose names, in the order the site presents them
	 * @param trackingPurpose the purpose that gates the starter's own tracking; one of {@code names}
	 * @return the purposes
	 * @throws IllegalArgumentException with a message that names the property at fault
	 */
	public static ConsentPurposes of(List<String> names, String trackingPurpose) {
		if (names.isEmpty()) {
			throw new IllegalArgumentException("cxp.consent.purposes must name at least one purpose");
		}
		if (names.size() > MAX_PURPOSES) {
			throw new IllegalArgumentException("cxp.consent.purposes names " + names.size()
					+ " purposes; at most " + MAX_PURPOSES + " are supported");
		}
		List<String> checked = new ArrayList<>(names.size());
		for (String name : names) {
			if (!isValidName(name)) {
				throw new IllegalArgumentException("cxp.consent.purposes: '" + printable(name)
						+ "' is not a purpose name; use 1 to " + MAX_NAME_LENGTH + " characters of a-z, 0-9, _ and -");
			}
			if (checked.contains(name)) {
				throw new IllegalArgumentException("cxp.consent.purposes names '" + name + "' twice");
			}
			checked.add(name);
		}
		if (!checked.contains(trackingPurpose)) {
			throw new IllegalArgumentException("cxp.consent.tracking-purpose '" + printable(trackingPurpose)
					+ "' must be one of cxp.consent.purposes " + checked);
		}
		return new ConsentPurposes(Collections.unmodifiableList(checked), trackingPurpose);
	}

	/**
	 * Whether a string is a valid purpose name.
	 * @param name the candidate
	 * @return {@code true} for 1 to 32 characters of {@code a-z}, {@code 0-9}, {@code _} and {@code -}
	 */
	public static boolean isValidName(String name) {
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (!isNameChar(name.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	static boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	}

	/**
	 * The purpose names in their configured order.
	 * @return the names
	 */
	public List<String> names() {
		return this.names;
	}

	/**
	 * The purpose that gates the starter's own tracking.
	 * @return its name
	 */
	public String trackingPurpose() {
		return this.trackingPurpose;
	}

	/**
	 * How many purposes are configured.
	 * @return the count
	 */
	public int size() {
		return this.names.size();
	}

	/**
	 * Whether a purpose is configured.
	 * @param name the purpose name
	 * @return {@code true} when it is one of {@link #names()}
	 */
	public boolean contains(String name) {
		return this.names.contains(name);
	}

	/**
	 * A decision that states each purpose: for resolvers that know per-purpose states.
	 * @param states the states by purpose name; a configured purpose not named is
	 * {@link ConsentState#UNSPECIFIED}
	 * @param source where the decision came from
	 * @return the decision, whose {@link ConsentDecision#state()} is the tracking purpose's state
	 * @throws IllegalArgumentException when a name is not a configured purpose
	 */
	public ConsentDecision decision(Map<String, ConsentState> states, String source) {
		for (String name : states.keySet()) {
			if (!contains(name)) {
				throw new IllegalArgumentException("'" + printable(name) + "' is not a configured purpose");
			}
		}
		ConsentState tracking = states.getOrDefault(this.trackingPurpose, ConsentState.UNSPECIFIED);
		Map<String, ConsentState> all = new HashMap<>();
		for (String name : this.names) {
			all.put(name, states.getOrDefault(name, ConsentState.UNSPECIFIED));
		}
		return new ConsentDecision(tracking, source, all);
	}

	/**
	 * The state of every configured purpose in a decision, in the configured order.
	 * @param decision the decision
	 * @return the states by purpose name
	 */
	public Map<String, ConsentState> states(ConsentDecision decision) {
		Map<String, ConsentState> states = new LinkedHashMap<>();
		for (String name : this.names) {
			states.put(name, decision.state(name));
		}
		return states;
	}

	/**
	 * The decision with its {@link ConsentDecision#state()} made the tracking purpose's state, for a decision
	 * that lists the tracking purpose with a state of its own.
	 * @param decision a decision from any resolver
	 * @return a decision whose {@code state()} and {@code state(trackingPurpose)} agree
	 */
	public ConsentDecision normalize(ConsentDecision decision) {
		if (decision.isUniform()) {
			return decision;
		}
		ConsentState tracking = decision.state(this.trackingPurpose);
		if (tracking == decision.state()) {
			return decision;
		}
		Map<String, ConsentState> all = new HashMap<>(decision.purposes());
		for (String name : this.names) {
			all.putIfAbsent(name, decision.state());
		}
		return new ConsentDecision(tracking, decision.source(), all);
	}

	private static String printable(String value) {
		StringBuilder printable = new StringBuilder(Math.min(value.length(), 40));
		for (int i = 0; i < value.length() && i < 40; i++) {
			char c = value.charAt(i);
			printable.append((c < ' ' || c > '~') ? '?' : c);
		}
		return printable.toString();
	}

	@Override
	public String toString() {
		return this.names + " (tracking: " + this.trackingPurpose + ")";
	}

}
