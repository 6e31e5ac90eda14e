package dev.cxp.consent;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published whenever a visitor records a consent choice through the consent endpoint: the hook for keeping
 * a record of consent (GDPR Art. 7(1)). Published on the request thread, after the response's cookies are
 * set and before it is sent; a listener that throws is logged and counted, and never fails the request. A
 * visitor who repeats a choice (for instance to renew it) also produces an event, whose {@link #oldState()}
 * then equals its {@link #newState()}: see {@link #isChange()}.
 *
 * @param visitorId the visitor id the choice applies to: on a grant the id kept or issued, on a denial the
 * id that was erased; {@code null} when a denial found no valid id to erase
 * @param oldState the consent state the request carried before the choice
 * @param newState the choice just recorded, {@link ConsentState#GRANTED} or {@link ConsentState#DENIED}
 * @param source where the new state will be read from on later requests, {@code cookie}
 * @param timestamp when the choice was recorded, from the application's {@link java.time.Clock}
 * @param serverDataErased on a denial, whether the session store now holds nothing of the visitor: every
 * session kept under the request's visitor ids was removed (also {@code true} when there was none to remove),
 * {@code false} when the store failed; always {@code false} on a grant, which erases nothing
 * @since 0.1.0
 */
public record ConsentChangedEvent(@Nullable String visitorId, ConsentState oldState, ConsentState newState,
		String source, Instant timestamp, boolean serverDataErased) {

	/**
	 * Create an event whose erasure succeeded exactly when the new state is a denial, as before erasures
	 * could be reported.
	 * @param visitorId the visitor id the choice applies to
	 * @param oldState the consent state the request carried before the choice
	 * @param newState the choice just recorded
	 * @param source where the new state will be read from on later requests
	 * @param timestamp when the choice was recorded
	 */
	public ConsentChangedEvent(@Nullable String visitorId, ConsentState oldState, ConsentState newState,
			String source, Instant timestamp) {
		this(visitorId, oldState, newState, source, timestamp, newState == ConsentState.DENIED);
	}

	/**
	 * Whether the choice changed the visitor's consent state, rather than repeating it.
	 * @return {@code true} when the old and new states differ
	 */
	public boolean isChange() {
		return this.oldState != this.newState;
	}

}
