package dev.cxp.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * Published whenever a visitor records a consent choice through the consent endpoint: the hook for keeping
 * a record of consent (GDPR Art. 7(1)). Published on the request thread, after the response's cookies are
 * set and before it is sent. A visitor who repeats a choice (for instance to renew it) also produces an
 * event, whose {@link #oldState()} then equals its {@link #newState()}: see {@link #isChange()}.
 *
 * @param visitorId the visitor id the choice applies to: on a grant the id kept or issued, on a denial the
 * id that was erased; {@code null} when a denial found no valid id to erase
 * @param oldState the consent state the request carried before the choice
 * @param newState the choice just recorded, {@link ConsentState#GRANTED} or {@link ConsentState#DENIED}
 * @param source where the new state will be read from on later requests, {@code cookie}
 * @param timestamp when the choice was recorded, from the application's {@link java.time.Clock}
 * @author CXP
 */
public record ConsentChangedEvent(@Nullable String visitorId, ConsentState oldState, ConsentState newState,
		String source, Instant timestamp) {

	/**
	 * Whether the choice changed the visitor's consent state, rather than repeating it.
	 * @return {@code true} when the old and new states differ
	 */
	public boolean isChange() {
		return this.oldState != this.newState;
	}

}
