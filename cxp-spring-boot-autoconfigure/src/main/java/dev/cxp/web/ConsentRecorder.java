package dev.cxp.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;

import dev.cxp.CxpActivityListener;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentPolicy;
import dev.cxp.consent.ConsentState;
import dev.cxp.consent.DefaultConsentResolver;
import dev.cxp.visitor.CxpCookies;
import dev.cxp.visitor.CxpVisitorProcessor;

/**
 * Records a visitor's consent choice in one response: the consent cookie, then the visitor id in step with
 * the choice (kept or issued on a grant, erased with its session on a denial), then a
 * {@link ConsentChangedEvent} and the activity listener. Never creates an {@code HttpSession}.
 *
 * @author CXP
 */
public class ConsentRecorder {

	private final ConsentPolicy policy;

	private final CxpCookies cookies;

	private final CxpVisitorProcessor processor;

	private final ApplicationEventPublisher events;

	private final CxpActivityListener listener;

	private final Clock clock;

	/**
	 * Create a recorder.
	 * @param policy decides the consent the request carried before the choice
	 * @param cookies writes the consent cookie
	 * @param processor keeps the visitor id in step with the choice
	 * @param events where {@link ConsentChangedEvent}s are published
	 * @param listener told of each choice
	 * @param clock the source of the events' timestamps
	 */
	public ConsentRecorder(ConsentPolicy policy, CxpCookies cookies, CxpVisitorProcessor processor,
			ApplicationEventPublisher events, CxpActivityListener listener, Clock clock) {
		this.policy = policy;
		this.cookies = cookies;
		this.processor = processor;
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
		ConsentDecision before = this.policy.decide(request);
		this.cookies.writeConsent(request, response, choice);
		String visitorId = (choice == ConsentState.GRANTED) ? this.processor.ensureVisitorId(request, response)
				: this.processor.eraseVisitor(request, response);
		ConsentDecision after = new ConsentDecision(choice, DefaultConsentResolver.SOURCE_COOKIE);
		this.events.publishEvent(new ConsentChangedEvent(visitorId, before.state(), choice, after.source(),
				this.clock.instant()));
		this.listener.consentChanged(choice);
		return after;
	}

}
