package dev.cxp.internal.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentState;

/**
 * The default resolution of consent: its links in order, and for each purpose the first link that states it wins.
 * A link is one source, or a group of peers whose answers combine with a denial winning: the consent management
 * platforms' cookies are such a group, since a site moving from one platform to another may carry both, and
 * disagreeing platforms must deny. The decision's source is the source that stated the first purpose the first
 * stating link decided. Links after the point where every purpose is stated are not read, so that a consent
 * string is decoded only while it can still matter.
 */
public final class ConsentChain {

	private final List<List<ConsentSource>> links;

	private final ConsentPurposes purposes;

	/**
	 * Create the chain.
	 * @param links the links in order, each one source or a group of peers
	 * @param purposes the configured purposes; states of other purposes are ignored
	 */
	public ConsentChain(List<List<ConsentSource>> links, ConsentPurposes purposes) {
		this.links = links.stream().filter((link) -> !link.isEmpty()).map(List::copyOf).toList();
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
		for (List<ConsentSource> link : this.links) {
			if (states.size() == this.purposes.size()) {
				break;
			}
			Map<String, Stated> stated = (link.size() == 1) ? stated(link.get(0), request) : combined(link, request);
			for (String purpose : this.purposes.names()) {
				Stated answer = stated.get(purpose);
				if (answer != null && !states.containsKey(purpose)) {
					states.put(purpose, answer.state());
					decidedBy = (decidedBy != null) ? decidedBy : answer.source();
				}
			}
		}
		return (decidedBy != null) ? this.purposes.decision(states, decidedBy) : ConsentDecision.unspecified();
	}

	private static Map<String, Stated> stated(ConsentSource source, ConsentRequest request) {
		Map<String, Stated> stated = new LinkedHashMap<>();
		source.states(request).forEach((purpose, state) -> {
			if (state != ConsentState.UNSPECIFIED) {
				stated.put(purpose, new Stated(state, source.name()));
			}
		});
		return stated;
	}

	// Peers: a denial from any of them wins, and is the one reported as the source
	private static Map<String, Stated> combined(List<ConsentSource> peers, ConsentRequest request) {
		Map<String, Stated> combined = new LinkedHashMap<>();
		for (ConsentSource peer : peers) {
			stated(peer, request).forEach((purpose, answer) -> combined.merge(purpose, answer,
					(first, next) -> (first.state() != ConsentState.DENIED && next.state() == ConsentState.DENIED)
							? next : first));
		}
		return combined;
	}

	/**
	 * The sources, in the order they are read.
	 * @return the sources, groups flattened
	 */
	public List<ConsentSource> sources() {
		List<ConsentSource> sources = new ArrayList<>();
		this.links.forEach(sources::addAll);
		return sources;
	}

	/**
	 * The names of the sources, in order, as {@code /actuator/cxp} shows them.
	 * @return the names
	 */
	public List<String> sourceNames() {
		return sources().stream().map(ConsentSource::name).toList();
	}

	@Override
	public String toString() {
		return "ConsentChain" + sourceNames();
	}

	private record Stated(ConsentState state, String source) {
	}

}
