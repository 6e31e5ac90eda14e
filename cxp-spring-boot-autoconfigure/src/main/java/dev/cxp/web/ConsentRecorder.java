package dev.cxp.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;

import dev.cxp.CxpActivityListener;
import dev.cxp.consent.ConsentCookie;
import dev.cxp.consent.ConsentCookieFormat;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentPolicy;
import dev.cxp.consent.ConsentState;
import dev.cxp.consent.DefaultConsentResolver;
import dev.cxp.consent.region.ConsentRegion;
import dev.cxp.visitor.CxpCookies;
import dev.cxp.visitor.CxpVisitorProcessor;

/**
 * Records a visitor's consent choice in one response: the consent cookie (every purpose's recorded state and
 * the current policy revision), then the visitor id in step with the tracking purpose (kept or issued when it
 * is effective, erased with its session otherwise), then a {@link ConsentChangedEvent} and the activity
 * listener. Purposes a per-purpose choice does not name keep their recorded state. Never creates an
 * {@code HttpSession}.
 * @author CXP
 */
public class ConsentRecorder {

	private final ConsentPolicy policy;

	private final CxpCookies cookies;

	private final ConsentCookieFormat format;

	private final Duration maxAge;

	private final Duration deniedMaxAge;

	private final CxpVisitorProcessor processor;

	private final ApplicationEventPublisher events;

	private final CxpActivityListener listener;

	private final Clock clock;

	/**
	 * Create a recorder for the default purpose and revision, keeping every choice for the consent cookie's
	 * max age.
	 * @param policy decides the consent the request carried before the choice
	 * @param cookies writes the consent cookie
	 * @param processor keeps the visitor id in step with the choice
	 * @param events where {@link ConsentChangedEvent}s are published
	 * @param listener told of each choice
	 * @param clock the source of the events' timestamps
	 */
	public ConsentRecorder(ConsentPolicy policy, CxpCookies cookies, CxpVisitorProcessor processor,
			ApplicationEventPublisher events, CxpActivityListener listener, Clock clock) {
		this(policy, cookies, new ConsentCookieFormat(policy.purposes(), "1"), cookies.consentCookie().maxAge(),
				processor, events, listener, clock);
	}

	/**
	 * Create a recorder.
	 * @param policy decides the consent the request carried before the choice
	 * @param cookies writes the consent cookie
	 * @param format the consent cookie's format, with the purposes and the current revision
	 * @param deniedMaxAge how long the consent cookie keeps a choice that grants no purpose
	 * @param processor keeps the visitor id in step with the choice
	 * @param events where {@link ConsentChangedEvent}s are published
	 * @param listener told of each choice
	 * @param clock the source of the events' timestamps
	 * @since 0.2.0
	 */
	public ConsentRecorder(ConsentPolicy policy, CxpCookies cookies, ConsentCookieFormat format,
			Duration deniedMaxAge, CxpVisitorProcessor processor, ApplicationEventPublisher events,
			CxpActivityListener listener, Clock clock) {
		this.policy = policy;
		this.cookies = cookies;
		this.format = format;
		this.maxAge = cookies.consentCookie().maxAge();
		this.deniedMaxAge = deniedMaxAge;
		this.processor = processor;
		this.events = events;
		this.listener = listener;
		this.clock = clock;
	}

	/**
	 * Record the same choice for every purpose.
	 * @param request the request that made it
	 * @param response its response, which receives the cookies
	 * @param choice {@link ConsentState#GRANTED} or {@link ConsentState#DENIED}
	 * @return the decision that later requests carrying the new cookie will get, with source {@code cookie}
	 */
	public ConsentDecision record(HttpServletRequest request, HttpServletResponse response, ConsentState choice) {
		if (choice == ConsentState.UNSPECIFIED) {
			throw new IllegalArgumentException("A consent choice is a grant or a denial");
		}
		return record(request, response, ConsentChoice.every(choice));
	}

	/**
	 * Record a choice.
	 * @param request the request that made it
	 * @param response its response, which receives the cookies
	 * @param choice the choice, for every purpose or for the purposes it names
	 * @return the decision that later requests carrying the new cookie will get, with source {@code cookie}
	 * @since 0.2.0
	 */
	public ConsentDecision record(HttpServletRequest request, HttpServletResponse response, ConsentChoice choice) {
		ConsentDecision before = this.policy.decide(request);
		ConsentRegion region = this.policy.region(request);
		ConsentCookie recorded = new ConsentCookie(this.format.revision(), statesAfter(request, choice), null);
		this.cookies.writeConsent(request, response, this.format.format(recorded),
				recorded.isRefusal() ? this.deniedMaxAge : this.maxAge);
		ConsentDecision after = this.policy.purposes().decision(recorded.states(), DefaultConsentResolver.SOURCE_COOKIE);
		String visitorId = region.isEffective(after.state()) ? this.processor.ensureVisitorId(request, response)
				: this.processor.eraseVisitor(request, response);
		this.events.publishEvent(new ConsentChangedEvent(visitorId, before.state(), after.state(), after.source(),
				this.clock.instant()));
		this.listener.consentChanged(after.state());
		return after;
	}

	private Map<String, ConsentState> statesAfter(HttpServletRequest request, ConsentChoice choice) {
		ConsentState all = choice.all();
		Map<String, ConsentState> states = new LinkedHashMap<>();
		if (all != null) {
			this.policy.purposes().names().forEach((name) -> states.put(name, all));
			return states;
		}
		states.putAll(this.format.readStates(consentCookieValues(request)));
		states.putAll(choice.purposes());
		states.values().removeIf((state) -> state == ConsentState.UNSPECIFIED);
		return states;
	}

	private List<String> consentCookieValues(HttpServletRequest request) {
		List<String> values = new ArrayList<>();
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (this.cookies.consentCookie().name().equals(cookie.getName())) {
					values.add(cookie.getValue());
				}
			}
		}
		return values;
	}

	/**
	 * The format of the consent cookie this recorder writes.
	 * @return the format, with the purposes and the current revision
	 */
	public ConsentCookieFormat format() {
		return this.format;
	}

}
