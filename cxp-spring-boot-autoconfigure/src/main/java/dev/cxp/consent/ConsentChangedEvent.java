package dev.cxp.consent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param newState the tracking purpose's state after the choice: {@link ConsentState#GRANTED} or
 * {@link ConsentState#DENIED}, or {@link ConsentState#UNSPECIFIED} when a choice per purpose left it open
 * @param source where the new state will be read from on later requests, {@code cookie}
 * @param timestamp when the choice was recorded, from the application's {@link java.time.Clock}
 * @param serverDataErased on a denial, whether the session store now holds nothing of the visitor: every
 * session kept under the request's visitor ids was removed (also {@code true} when there was none to remove),
 * {@code false} when the store failed; always {@code false} on a grant, which erases nothing
 * @param purposes the recorded state of every configured purpose after the choice, in the configured order;
 * empty for an event made without purposes
 * @param revision the policy revision the choice was recorded under
 * @param region the visitor's region when the choice was made, {@code null} when not known
 * @since 0.1.0
 */
public record ConsentChangedEvent(@Nullable String visitorId, ConsentState oldState, ConsentState newState,
		String source, Instant timestamp, boolean serverDataErased, Map<String, ConsentState> purposes,
		String revision, @Nullable String region) {

	/**
	 * Create an event.
	 * @param visitorId the visitor id the choice applies to
	 * @param oldState the tracking purpose's state before the choice
	 * @param newState the tracking purpose's state after the choice
	 * @param source where the new state will be read from on later requests
	 * @param timestamp when the choice was recorded
	 * @param serverDataErased whether the session store holds nothing of the visitor after a denial
	 * @param purposes the recorded state of every configured purpose
	 * @param revision the policy revision
	 * @param region the visitor's region, or {@code null}
	 */
	public ConsentChangedEvent {
		purposes = Collections.unmodifiableMap(new LinkedHashMap<>(purposes));
	}

	/**
	 * Create an event for a choice that applies to every purpose alike, under revision {@code 1} and no
	 * known region.
	 * @param visitorId the visitor id the choice applies to
	 * @param oldState the consent state the request carried before the choice
	 * @param newState the choice just recorded
	 * @param source where the new state will be read from on later requests
	 * @param timestamp when the choice was recorded
	 * @param serverDataErased whether the session store holds nothing of the visitor after a denial
	 */
	public ConsentChangedEvent(@Nullable String visitorId, ConsentState oldState, ConsentState newState,
			String source, Instant timestamp, boolean serverDataErased) {
		this(visitorId, oldState, newState, source, timestamp, serverDataErased, Map.of(), "1", null);
	}

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
