package dev.cxp.internal.consent;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * A choice recorded in the consent cookie: the policy revision it was given under, the state of each purpose
 * it names, and the receipt id of its record in a consent ledger, if any. Read and written by
 * {@link ConsentCookieFormat}.
 *
 * @param revision the policy revision ({@code cxp.consent.revision}) the choice was given under
 * @param states the recorded state of each purpose, by purpose name; a purpose not named is unspecified
 * @param receiptId the receipt id of the choice's ledger record, 32 lowercase hex characters, or {@code null}
 * @since 0.2.0
 */
public record ConsentCookie(String revision, Map<String, ConsentState> states, @Nullable String receiptId) {

	/**
	 * Create a recorded choice.
	 * @param revision the policy revision
	 * @param states the state of each purpose named
	 * @param receiptId the receipt id, or {@code null}
	 */
	public ConsentCookie {
		Objects.requireNonNull(revision, "revision must not be null");
		states = Map.copyOf(states);
	}

	/**
	 * The recorded state of a purpose.
	 * @param purpose the purpose name
	 * @return its state, {@link ConsentState#UNSPECIFIED} when the choice does not name it
	 */
	public ConsentState state(String purpose) {
		return this.states.getOrDefault(purpose, ConsentState.UNSPECIFIED);
	}

	/**
	 * Whether the choice grants no purpose: a refusal, kept for {@code cxp.consent.denied-max-age}.
	 * @return {@code true} when no named purpose is granted
	 */
	public boolean isRefusal() {
		return !this.states.containsValue(ConsentState.GRANTED);
	}

}
