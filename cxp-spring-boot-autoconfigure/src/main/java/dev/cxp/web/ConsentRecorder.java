package dev.cxp.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;

import dev.cxp.activity.CxpActivityListener;
import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentPolicy;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;
import dev.cxp.support.ThrottledWarning;
import dev.cxp.visitor.CxpCookies;
import dev.cxp.visitor.RequestCookies;
import dev.cxp.visitor.VisitorErasure;
import dev.cxp.visitor.VisitorIdentity;

/**
 * Records a visitor's consent choice in one response: the consent cookie, then the visitor id in step with
 * the choice (kept or issued on a grant, erased with its session on a denial), then a
 * {@link ConsentChangedEvent} and the activity listener. A failing event listener is logged at most once a
 * minute and counted, and never fails the request: a withdrawal always answers. Never creates an
 * {@code HttpSession}.
 *
 * @since 0.1.0
 */
public class ConsentRecorder {

	private static final Log logger = LogFactory.getLog(ConsentRecorder.class);

	private final ConsentPolicy policy;

	private final CxpCookies cookies;

	private final VisitorIdentity identity;

	private final ApplicationEventPublisher events;

	private final CxpActivityListener listener;

	private final Clock clock;

	private final ThrottledWarning listenerFailure = new ThrottledWarning(logger, Duration.ofMinutes(1));

	/**
	 * Create a recorder.
	 * @param policy decides the consent the request carried before the choice
	 * @param cookies writes the consent cookie
	 * @param identity keeps the visitor id in step with the choice
	 * @param events where {@link ConsentChangedEvent}s are published
	 * @param listener told of each choice
	 * @param clock the source of the events' timestamps
	 */
	public ConsentRecorder(ConsentPolicy policy, CxpCookies cookies, VisitorIdentity identity,
			ApplicationEventPublisher events, CxpActivityListener listener, Clock clock) {
		this.policy = policy;
		this.cookies = cookies;
		this.identity = identity;
		this.events = events;
		this.listener = listener;
		this.clock = clock;
	}

	/**
	 * Record a choice.
	 * @param request the request that made it
	 * @param response its response, which receives the cookies
	 * @param choice {@link ConsentState#GRANTED} or {@link ConsentState#DENIED}
	 * @return the decision that later requests carrying the new cookie will get, with source {@code cookie}
	 */
	public ConsentDecision record(HttpServletRequest request, HttpServletResponse response, ConsentState choice) {
		if (choice == ConsentState.UNSPECIFIED) {
			throw new IllegalArgumentException("A consent choice is a grant or a denial");
		}
		RequestCookies reading = this.cookies.read(request);
		ConsentDecision before = this.policy.decide(request, reading.consent());
		this.cookies.writeConsent(request, response, choice);
		String visitorId;
		boolean erased;
		if (choice == ConsentState.GRANTED) {
			visitorId = this.identity.ensureVisitorId(request, response, reading);
			erased = false;
		}
		else {
			VisitorErasure erasure = this.identity.eraseVisitor(response, reading);
			visitorId = erasure.visitorId();
			erased = erasure.serverDataErased();
		}
		ConsentDecision after = new ConsentDecision(choice, ConsentSources.COOKIE);
		publish(new ConsentChangedEvent(visitorId, before.state(), choice, after.source(), this.clock.instant(),
				erased));
		this.listener.consentChanged(choice);
		return after;
	}

	private void publish(ConsentChangedEvent event) {
		try {
			this.events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// The cookies are written: the choice stands, whatever an application's listener does with it.
			this.listener.consentListenerFailed();
			this.listenerFailure.warn("A ConsentChangedEvent listener failed; the choice was recorded", ex);
		}
	}

}
