package dev.cxp;

import java.util.List;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;

/**
 * Tells several {@link CxpActivityListener listeners}, in order.
 *
 * @author CXP
 */
final class CompositeActivityListener implements CxpActivityListener {

	private final CxpActivityListener[] listeners;

	CompositeActivityListener(List<? extends CxpActivityListener> listeners) {
		this.listeners = listeners.toArray(new CxpActivityListener[0]);
	}

	@Override
	public void consentDecided(ConsentDecision decision, boolean effective) {
		for (CxpActivityListener listener : this.listeners) {
			listener.consentDecided(decision, effective);
		}
	}

	@Override
	public void visitorCreated() {
		for (CxpActivityListener listener : this.listeners) {
			listener.visitorCreated();
		}
	}

	@Override
	public void visitorInvalid() {
		for (CxpActivityListener listener : this.listeners) {
			listener.visitorInvalid();
		}
	}

	@Override
	public void visitorErased() {
		for (CxpActivityListener listener : this.listeners) {
			listener.visitorErased();
		}
	}

	@Override
	public void pageViewed() {
		for (CxpActivityListener listener : this.listeners) {
			listener.pageViewed();
		}
	}

	@Override
	public void sessionStarted() {
		for (CxpActivityListener listener : this.listeners) {
			listener.sessionStarted();
		}
	}

	@Override
	public void sessionStoreFailed() {
		for (CxpActivityListener listener : this.listeners) {
			listener.sessionStoreFailed();
		}
	}

	@Override
	public void consentChanged(ConsentState state) {
		for (CxpActivityListener listener : this.listeners) {
			listener.consentChanged(state);
		}
	}

	@Override
	public void erasureFailed() {
		for (CxpActivityListener listener : this.listeners) {
			listener.erasureFailed();
		}
	}

	@Override
	public void eventListenerFailed(Class<?> event) {
		for (CxpActivityListener listener : this.listeners) {
			listener.eventListenerFailed(event);
		}
	}

}
