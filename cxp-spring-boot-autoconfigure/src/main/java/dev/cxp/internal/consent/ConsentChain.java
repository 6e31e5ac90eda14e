package dev.cxp.internal.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentState;

/**
 * The default resolution of consent: its sources in order, and for each purpose the first source that states it
 * wins. The decision's source is the first source that stated any purpose. Sources after the point where every
 * purpose is stated are not read, so that a consent string is decoded only while it can still matter.
 */
public final class ConsentChain {

	private final List<ConsentSource> sources;

	private final ConsentPurposes purposes;

	/**
	 * Create the chain.
	 * @param sources the sources, in order
	 * @param purposes the configured purposes; states of other purposes are ignored
	 */
	public ConsentChain(List<ConsentSource> sources, ConsentPurposes purposes) {
		this.sources = List.copyOf(sources);
		this.purposes = purposes;
	}

	/**
	 * Resolve the consent of the visitor making a request.
	 * @param request the request
	 * @return the decision, {@link ConsentDecision#unspecified()} when no source stated anything
	 */
	public ConsentDecision resolve(ConsentRequest request) {
		Map<String, ConsentState> states = new LinkedHashMap<>();
		String decidedBy = null;
		for (ConsentSource source : this.sources) {
			if (states.size() == this.purposes.size()) {
				break;
			}
			if (stateOpenPurposes(source.states(request), states) && decidedBy == null) {
				decidedBy = source.name();
			}
		}
		return (decidedBy != null) ? this.purposes.decision(states, decidedBy) : ConsentDecision.unspecified();
	}

	private boolean stateOpenPurposes(Map<String, ConsentState> stated, Map<String, ConsentState> states) {
		boolean added = false;
		for (String purpose : this.purposes.names()) {
			ConsentState state = stated.get(purpose);
			if (state != null && state != ConsentState.UNSPECIFIED && !states.containsKey(purpose)) {
				states.put(purpose, state);
				added = true;
			}
		}
		return added;
	}

	/**
	 * The sources, in the order they are read.
	 * @return the sources
	 */
	public List<ConsentSource> sources() {
		return this.sources;
	}

	/**
	 * The names of the sources, in order, as {@code /actuator/cxp} shows them.
	 * @return the names
	 */
	public List<String> sourceNames() {
		return this.sources.stream().map(ConsentSource::name).toList();
	}

	@Override
	public String toString() {
		return "ConsentChain" + sourceNames();
	}

}
