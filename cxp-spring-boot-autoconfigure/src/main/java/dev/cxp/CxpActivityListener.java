package dev.cxp;

import java.util.List;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;

/**
 * Told what the starter decides and does on the request path, so that meters and the Actuator endpoint
 * can report it without the core depending on Micrometer or Actuator. Called on request threads: an
 * implementation must be fast, must not block, and must not throw. Every method does nothing by default.
 *
 * @author CXP
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
	 * An application's listener of a starter event threw; the request was served all the same.
	 * @param event the type of event whose listener failed
	 * @since 0.2.0
	 */
	default void eventListenerFailed(Class<?> event) {
	}

	/**
	 * A listener that tells each of the given listeners in turn.
	 * @param listeners the listeners
	 * @return one listener for all of them
	 */
	static CxpActivityListener composite(List<? extends CxpActivityListener> listeners) {
		if (listeners.isEmpty()) {
			return NONE;
		}
		if (listeners.size() == 1) {
			return listeners.get(0);
		}
		return new CompositeActivityListener(listeners);
	}

}
