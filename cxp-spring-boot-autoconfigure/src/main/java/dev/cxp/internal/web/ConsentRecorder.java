package dev.cxp.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRegion;
import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.consent.ConsentCookie;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.support.ThrottledWarning;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.RequestCookies;
import dev.cxp.internal.visitor.VisitorErasure;
import dev.cxp.internal.visitor.VisitorIdentity;

/**
 * Records a visitor's consent choice in one response: the consent cookie (every purpose's recorded state and
 * the current policy revision), then the visitor id in step with the tracking purpose (kept or issued when it
 * is effective, erased with its session otherwise), then a {@link ConsentChangedEvent} and the activity
 * listener. Purposes a per-purpose choice does not name keep their recorded state. A choice that grants no
 * purpose is kept for {@code cxp.consent.denied-max-age}, any other for {@code cxp.consent.max-age}. A failing
 * event listener is logged at most once a minute and counted, and never fails the request: a withdrawal always
 * answers. With a consent ledger, every choice is also appended to it before the consent cookie is written,
 * and the cookie carries the record's receipt id; a choice whose record could not be written stands without
 * a receipt. Never creates an {@code HttpSession}.
 *
 * @since 0.1.0
 */
public class ConsentRecorder {

	private static final Log logger = LogFactory.getLog(ConsentRecorder.class);

	private final ConsentPolicy policy;

	private final CxpCookies cookies;

	private final ConsentCookieFormat format;

	private final Duration maxAge;

	private final Duration deniedMaxAge;

	private final VisitorIdentity identity;

	private final ApplicationEventPublisher events;

	private final CxpActivityListener listener;

	private final Clock clock;

	private final @Nullable ConsentLedgerWriter ledger;

	private final ThrottledWarning listenerFailure = new ThrottledWarning(logger, Duration.ofMinutes(1));

	/**
	 * Create a recorder for the default purpose and revision, keeping every choice for the consent cookie's
	 * max age.
	 * @param policy decides the consent the request carried before the choice
	 * @param cookies writes the consent cookie
	 * @param identity keeps the visitor id in step with the choice
	 * @param events where {@link ConsentChangedEvent}s are published
	 * @param listener told of each choice
	 * @param clock the source of the events' timestamps
	 */
	public ConsentRecorder(ConsentPolicy policy, CxpCookies cookies, VisitorIdentity identity,
			ApplicationEventPublisher events, CxpActivityListener listener, Clock clock) {
		this(policy, cookies, new ConsentCookieFormat(policy.purposes(), "1"), cookies.consentCookie().maxAge(),
				identity, events, listener, clock);
	}

	/**
	 * Create a recorder.
	 * @param policy decides the consent the request carried before the choice
	 * @param cookies writes the consent cookie
	 * @param format the consent cookie's format, with the purposes and the current revision
	 * @param deniedMaxAge how long the consent cookie keeps a choice that grants no purpose
	 * @param identity keeps the visitor id in step with the choice
	 * @param events where {@link ConsentChangedEvent}s are published
	 * @param listener told of each choice
	 * @param clock the source of the events' timestamps
	 * @since 0.2.0
	 */
	public ConsentRecorder(ConsentPolicy policy, CxpCookies cookies, ConsentCookieFormat format,
			Duration deniedMaxAge, VisitorIdentity identity, ApplicationEventPublisher events,
			CxpActivityListener listener, Clock clock) {
		this(policy, cookies, format, deniedMaxAge, identity, events, listener, clock, null);
	}

	/**
	 * Create a recorder that keeps every choice in a consent ledger.
	 * @param policy decides the consent the request carried before the choice
	 * @param cookies writes the consent cookie
	 * @param format the consent cookie's format, with the purposes and the current revision
	 * @param deniedMaxAge how long the consent cookie keeps a choice that grants no purpose
	 * @param identity keeps the visitor id in step with the choice
	 * @param events where {@link ConsentChangedEvent}s are published
	 * @param listener told of each choice
	 * @param clock the source of the events' timestamps
	 * @param ledger appends each choice to the consent ledger, {@code null} without a ledger
	 * @since 0.2.0
	 */
	public ConsentRecorder(ConsentPolicy policy, CxpCookies cookies, ConsentCookieFormat format,
			Duration deniedMaxAge, VisitorIdentity identity, ApplicationEventPublisher events,
			CxpActivityListener listener, Clock clock, @Nullable ConsentLedgerWriter ledger) {
		this.ledger = ledger;
		this.policy = policy;
		this.cookies = cookies;
		this.format = format;
		this.maxAge = cookies.consentCookie().maxAge();
		this.deniedMaxAge = deniedMaxAge;
		this.identity = identity;
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
		RequestCookies reading = this.cookies.read(request);
		ConsentRegion region = this.policy.region(request);
		ConsentDecision before = this.policy.decide(request, reading.consentCookie(), reading.moreConsentCookies(),
				region);
		Map<String, ConsentState> previous = this.format.readStates(reading.consentCookies().asList());
		ConsentCookie recorded = new ConsentCookie(this.format.revision(), statesAfter(previous, choice), null);
		// What the next request will be told: the whole chain (header, the new cookie, CMP strings, Global Privacy
		// Control) and policy decide, so that a choice that leaves the tracking purpose open never turns into
		// tracking that the next page view would refuse
		String value = this.format.format(recorded);
		ConsentDecision after = this.policy.decide(
				new ConsentCookieReplaced(request, this.cookies.consentCookie().name(), value), value, null, region);
		String visitorId;
		boolean erased;
		if (region.isEffective(after.state())) {
			visitorId = this.identity.ensureVisitorId(request, response, reading);
			erased = false;
		}
		else {
			VisitorErasure erasure = this.identity.eraseVisitor(response, reading);
			visitorId = erasure.visitorId();
			erased = erasure.serverDataErased();
		}
		// The ledger needs the visitor id the choice applies to, and the cookie the record's receipt id.
		if (this.ledger != null) {
			String receiptId = this.ledger.record(request, method(request, previous, recorded), recorded.revision(),
					recorded.states(), region.code(), visitorId);
			recorded = new ConsentCookie(recorded.revision(), recorded.states(), receiptId);
		}
		this.cookies.writeConsent(request, response, this.format.format(recorded),
				recorded.isRefusal() ? this.deniedMaxAge : this.maxAge);
		publish(new ConsentChangedEvent(visitorId, before.state(), after.state(), after.source(), this.clock.instant(),
				erased, this.policy.purposes().states(after), recorded.revision(), region.code()));
		this.listener.consentChanged(after.state());
		return after;
	}

	/**
	 * How a choice was made, as the ledger keeps it: a withdrawal when it is a {@code DELETE}, or when it
	 * grants nothing while the visitor's recorded choice granted something; else {@code banner} when a page
	 * of the site sent it from a browser ({@code Sec-Fetch-Site: same-origin}), {@code api} otherwise.
	 */
	private static ConsentMethod method(HttpServletRequest request, Map<String, ConsentState> previous,
			ConsentCookie recorded) {
		if ("DELETE".equals(request.getMethod())
				|| (recorded.isRefusal() && previous.containsValue(ConsentState.GRANTED))) {
			return ConsentMethod.WITHDRAWAL;
		}
		return "same-origin".equals(request.getHeader("Sec-Fetch-Site")) ? ConsentMethod.BANNER : ConsentMethod.API;
	}

	private Map<String, ConsentState> statesAfter(Map<String, ConsentState> previous, ConsentChoice choice) {
		ConsentState all = choice.all();
		Map<String, ConsentState> states = new LinkedHashMap<>();
		if (all != null) {
			this.policy.purposes().names().forEach((name) -> states.put(name, all));
			return states;
		}
		states.putAll(previous);
		states.putAll(choice.purposes());
		states.values().removeIf((state) -> state == ConsentState.UNSPECIFIED);
		return states;
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

	/**
	 * The format of the consent cookie this recorder writes.
	 * @return the format, with the purposes and the current revision
	 */
	public ConsentCookieFormat format() {
		return this.format;
	}

}
