package dev.cxp.internal.consent;

import dev.cxp.consent.ConsentState;

/**
 * Per-purpose states packed into an {@code int}, two bits per configured purpose in the configured order:
 * {@code 00} unspecified, {@code 01} granted, {@code 10} denied. The pattern {@code 11} never occurs, so
 * {@link #ABSENT} ({@code -1}) can stand for "no understood value". Combining and revision rules become
 * bit operations, so a returning visitor's consent costs no allocation.
 */
final class PurposeStates {

	static final int ABSENT = -1;

	static final int GRANTED = 1;

	static final int DENIED = 2;

	private static final int LOW_BITS = 0x55555555;

	private static final int HIGH_BITS = 0xAAAAAAAA;

	private PurposeStates() {
	}

	/**
	 * Every one of {@code count} purposes in one state.
	 */
	static int all(int count, ConsentState state) {
		int mask = (count >= 16) ? -1 : (1 << (2 * count)) - 1;
		return switch (state) {
			case GRANTED -> LOW_BITS & mask;
			case DENIED -> HIGH_BITS & mask;
			case UNSPECIFIED -> 0;
		};
	}

	static int with(int states, int index, ConsentState state) {
		int shift = 2 * index;
		int cleared = states & ~(3 << shift);
		return switch (state) {
			case GRANTED -> cleared | (GRANTED << shift);
			case DENIED -> cleared | (DENIED << shift);
			case UNSPECIFIED -> cleared;
		};
	}

	static ConsentState get(int states, int index) {
		return switch ((states >>> (2 * index)) & 3) {
			case GRANTED -> ConsentState.GRANTED;
			case DENIED -> ConsentState.DENIED;
			default -> ConsentState.UNSPECIFIED;
		};
	}

	/**
	 * Combine two readings purpose by purpose: a denial wins, then a grant, then unspecified. Either may be
	 * {@link #ABSENT}.
	 */
	static int combine(int a, int b) {
		if (a == ABSENT) {
			return b;
		}
		if (b == ABSENT) {
			return a;
		}
		int either = a | b;
		int denied = either & HIGH_BITS;
		int granted = either & LOW_BITS & ~(denied >>> 1);
		return denied | granted;
	}

	/**
	 * Fill the purposes that {@code states} leaves unspecified from {@code more}, a reading of lower priority.
	 * {@code more} may be {@link #ABSENT}.
	 */
	static int fill(int states, int more) {
		if (more == ABSENT) {
			return states;
		}
		int stated = (states | (states >>> 1)) & LOW_BITS;
		return states | (more & ~(stated | (stated << 1)));
	}

	/**
	 * Whether any purpose is granted. {@code states} must not be {@link #ABSENT}.
	 */
	static boolean hasGrant(int states) {
		return (states & LOW_BITS) != 0;
	}

	/**
	 * The states with every grant turned into unspecified: a choice given under another policy revision.
	 */
	static int withoutGrants(int states) {
		return states & HIGH_BITS;
	}

}
