package dev.cxp.internal.activity;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;
import dev.cxp.session.PageViewEvent;

/**
 * Told what the starter decides and does on the request path. The starter's {@link CxpActivity} counts it
 * once, and the meters and the Actuator endpoint read those counts, so the core depends on neither
 * Micrometer nor Actuator. Called on request threads: an
 * implementation must be fast, must not block, and must not throw. Every method does nothing by default.
 *
 * @since 0.1.0
 */
public interface CxpActivityListener {

	/**
	 * A listener that does nothing.
	 */
	CxpActivityListener NONE = new CxpActivityListener() {
	};

	/**
	 * Consent was decided for a request.
	 * @param decision the resolver's decision
	 * @param effective whether it allows tracking under the policy
	 */
	default void consentDecided(ConsentDecision decision, boolean effective) {
	}

	/**
	 * A new visitor id was issued.
	 */
	default void visitorCreated() {
	}

	/**
	 * An incoming visitor id failed validation and was replaced.
	 */
	default void visitorInvalid() {
	}

	/**
	 * A response deleted the visitor id cookie (counted once per response).
	 */
	default void visitorErased() {
	}

	/**
	 * A page view was tracked.
	 */
	default void pageViewed() {
	}

	/**
	 * A page view started a new visit session.
	 */
	default void sessionStarted() {
	}

	/**
	 * The session store failed; the request was served without tracking.
	 */
	default void sessionStoreFailed() {
	}

	/**
	 * A visitor recorded a consent choice through the consent endpoint.
	 * @param state the new state
	 */
	default void consentChanged(ConsentState state) {
	}

	/**
	 * An erasure of a visitor's server-side data failed: the session store threw while consent was withdrawn.
	 * @since 0.2.0
	 */
	default void erasureFailed() {
	}

	/**
	 * An application's {@code ConsentChangedEvent} listener threw; the choice was recorded all the same.
	 * @since 0.2.0
	 */
	default void consentListenerFailed() {
	}

	/**
	 * An application's {@code PageViewEvent} listener threw; the page was served all the same.
	 * @since 0.2.0
	 */
	default void pageViewListenerFailed() {
	}

}
