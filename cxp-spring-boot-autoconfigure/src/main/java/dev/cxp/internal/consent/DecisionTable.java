package dev.cxp.internal.consent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;

/**
 * The decisions of one source, one per combination of packed purpose states, made once and shared: a
 * returning visitor's decision is a lookup, not a new object. Up to 6 purposes every combination has a slot;
 * beyond, the first few thousand combinations seen are kept.
 */
final class DecisionTable {

	private static final int MAX_SLOTS_BITS = 12;

	private static final int MAX_KEPT = 4096;

	private final ConsentPurposes purposes;

	private final String source;

	private final @Nullable AtomicReferenceArray<@Nullable ConsentDecision> slots;

	private final Map<Integer, ConsentDecision> kept;

	DecisionTable(ConsentPurposes purposes, String source) {
		this.purposes = purposes;
		this.source = source;
		int bits = 2 * purposes.size();
		this.slots = (bits <= MAX_SLOTS_BITS) ? new AtomicReferenceArray<>(1 << bits) : null;
		this.kept = (this.slots != null) ? Map.of() : new ConcurrentHashMap<>();
	}

	ConsentDecision decision(int states) {
		AtomicReferenceArray<@Nullable ConsentDecision> slots = this.slots;
		if (slots != null) {
			ConsentDecision decision = slots.get(states);
			if (decision == null) {
				decision = create(states);
				slots.lazySet(states, decision);
			}
			return decision;
		}
		ConsentDecision decision = this.kept.get(states);
		if (decision == null) {
			decision = create(states);
			if (this.kept.size() < MAX_KEPT) {
				this.kept.put(states, decision);
			}
		}
		return decision;
	}

	private ConsentDecision create(int states) {
		List<String> names = this.purposes.names();
		Map<String, ConsentState> all = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			all.put(names.get(i), PurposeStates.get(states, i));
		}
		return new ConsentDecision(PurposeStates.get(states, this.purposes.trackingIndex()), this.source, all);
	}

}
