package dev.cxp.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.consent.ConsentCookie;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.DecidedConsent;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.support.ThrottledWarning;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.CxpCookies.VisitorIdCookies;
import dev.cxp.internal.visitor.CxpExchange;
import dev.cxp.internal.visitor.VisitorErasure;
import dev.cxp.internal.visitor.VisitorIdentity;

/**
 * Records a visitor's consent choice in one response, whatever the web stack:
 * <ol>
 * <li>the new consent cookie: every purpose's recorded state under the current policy revision; purposes a
 * per-purpose choice does not name keep their recorded state;</li>
 * <li>the decision the next request will get, asked of the same policy and resolver as every request, with the
 * request's consent cookies replaced by the new one;</li>
 * <li>the visitor id in step with that decision: kept or issued when tracking is effective, erased with its
 * session otherwise;</li>
 * <li>with a consent ledger, the record of the choice, whose receipt id the cookie carries; a choice whose record
 * could not be written stands without a receipt;</li>
 * <li>the consent cookie, kept for {@code cxp.consent.denied-max-age} when it grants nothing and
 * {@code cxp.consent.max-age} otherwise, then a {@link ConsentChangedEvent}: a listener that fails is logged at
 * most once a minute and counted, and never fails the request.</li>
 * </ol>
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
	 * Create a recorder.
	 * @param policy decides consent before and after the choice
	 * @param cookies writes the consent cookie
	 * @param format the consent cookie's format, with the purposes and the current revision
	 * @param deniedMaxAge how long the consent cookie keeps a choice that grants no purpose
	 * @param identity keeps the visitor id in step with the choice
	 * @param events where {@link ConsentChangedEvent}s are published
	 * @param listener told of each choice
	 * @param clock the source of the events' timestamps
	 * @param ledger appends each choice to the consent ledger, {@code null} without a ledger
	 */
	public ConsentRecorder(ConsentPolicy policy, CxpCookies cookies, ConsentCookieFormat format,
			Duration deniedMaxAge, VisitorIdentity identity, ApplicationEventPublisher events,
			CxpActivityListener listener, Clock clock, @Nullable ConsentLedgerWriter ledger) {
		this.policy = policy;
		this.cookies = cookies;
		this.format = format;
		this.maxAge = cookies.consentCookie().maxAge();
		this.deniedMaxAge = deniedMaxAge;
		this.identity = identity;
		this.events = events;
		this.listener = listener;
		this.clock = clock;
		this.ledger = ledger;
	}

	/**
	 * Record a choice.
	 * @param exchange the request that made it, and its response, which receives the cookies
	 * @param choice the choice, for every purpose or for the purposes it names
	 * @return the consent that later requests carrying the new cookie will get
	 */
	public DecidedConsent record(CxpExchange exchange, ConsentChoice choice) {
		return record(exchange, prepare(exchange, choice)).consent();
	}

	/**
	 * Restore on this browser a choice its signed-in user made on another one: the same as recording it, with
	 * method {@code restored} in the ledger.
	 * @param exchange the request after the sign-in, and its response, which receives the cookies
	 * @param states the state of each configured purpose the restored choice names
	 * @return what was recorded
	 */
	public Recorded restore(CxpExchange exchange, Map<String, ConsentState> states) {
		String cookieName = this.cookies.consentCookie().name();
		Map<String, ConsentState> previous = this.format.readCookies(exchange.cookies(cookieName));
		return record(exchange, pending(exchange, previous, states, ConsentMethod.RESTORED));
	}

	private Recorded record(CxpExchange exchange, PendingChoice pending) {
		DecidedConsent before = this.policy.decide(exchange);
		DecidedConsent after = this.policy.decide(pending.nextRequest());
		VisitorIdCookies carried = this.cookies.visitorIds(exchange);
		String visitorId;
		boolean erased;
		if (after.effective()) {
			visitorId = this.identity.ensureVisitorId(exchange, carried);
			erased = false;
		}
		else {
			VisitorErasure erasure = this.identity.eraseVisitor(exchange, carried);
			visitorId = erasure.visitorId();
			erased = erasure.serverDataErased();
		}
		String receiptId = hasLedger() ? recordInLedger(exchange, pending, after, visitorId) : null;
		return finish(exchange, pending, before, after, visitorId, erased, receiptId);
	}

	/**
	 * The first step of recording a choice, shared by both web stacks: the states the consent cookie will record,
	 * how the choice was made, and the request as the next one will look with it, which the resolver is then
	 * asked about.
	 * @param exchange the request that made the choice
	 * @param choice the choice
	 * @return the choice about to be recorded
	 */
	public PendingChoice prepare(CxpExchange exchange, ConsentChoice choice) {
		String cookieName = this.cookies.consentCookie().name();
		Map<String, ConsentState> previous = this.format.readCookies(exchange.cookies(cookieName));
		Map<String, ConsentState> states = statesAfter(previous, choice);
		ConsentMethod method = method(exchange, previous, new ConsentCookie(this.format.revision(), states, null));
		return pending(exchange, previous, states, method);
	}

	private PendingChoice pending(CxpExchange exchange, Map<String, ConsentState> previous,
			Map<String, ConsentState> states, ConsentMethod method) {
		ConsentCookie recorded = new ConsentCookie(this.format.revision(), states, null);
		return new PendingChoice(previous, recorded, method,
				exchange.nextRequest(this.cookies.consentCookie().name(), this.format.format(recorded)));
	}

	/**
	 * Whether choices are appended to a consent ledger.
	 * @return {@code true} with a ledger
	 */
	public boolean hasLedger() {
		return this.ledger != null;
	}

	/**
	 * Append a choice to the consent ledger; blocks until the ledger answers or its timeout passes. Never throws
	 * because of the ledger.
	 * @param exchange the request that made the choice
	 * @param pending the choice
	 * @param after the consent later requests will get
	 * @param visitorId the visitor id the choice applies to
	 * @return the receipt id, or {@code null} when no record was written or there is no ledger
	 */
	public @Nullable String recordInLedger(CxpExchange exchange, PendingChoice pending, DecidedConsent after,
			@Nullable String visitorId) {
		if (this.ledger == null) {
			return null;
		}
		ConsentCookie recorded = pending.recorded();
		return this.ledger.record(exchange, pending.method(), recorded.revision(), recorded.states(),
				after.region().code(), visitorId);
	}

	/**
	 * The last step of recording a choice, shared by both web stacks: write the consent cookie, with the receipt
	 * id when there is one, then publish the {@link ConsentChangedEvent} and count the change.
	 * @param exchange the request that made the choice, and its response, which receives the cookie
	 * @param pending the choice
	 * @param before the consent the request had
	 * @param after the consent later requests will get
	 * @param visitorId the visitor id the choice applies to
	 * @param erased whether the visitor's server-side data was erased
	 * @param receiptId the receipt id of the ledger's record, {@code null} when none was written
	 * @return what was recorded
	 */
	public Recorded finish(CxpExchange exchange, PendingChoice pending, DecidedConsent before,
			DecidedConsent after, @Nullable String visitorId, boolean erased, @Nullable String receiptId) {
		ConsentCookie recorded = pending.recorded();
		if (receiptId != null) {
			recorded = new ConsentCookie(recorded.revision(), recorded.states(), receiptId);
		}
		String value = this.format.format(recorded);
		this.cookies.writeConsent(exchange, value, recorded.isRefusal() ? this.deniedMaxAge : this.maxAge);
		publish(new ConsentChangedEvent(visitorId, before.decision().state(), after.decision().state(),
				after.decision().source(), this.clock.instant(), erased,
				this.policy.purposes().states(after.decision()), recorded.revision(), after.region().code()));
		this.listener.consentChanged(after.decision().state());
		return new Recorded(after, value, after.effective() ? visitorId : null);
	}

	/**
	 * How a choice was made, as the ledger keeps it: a withdrawal when it is a {@code DELETE}, or when it grants
	 * nothing while the visitor's recorded choice granted something; else {@code banner} when a page of the site
	 * sent it from a browser ({@code Sec-Fetch-Site: same-origin}), {@code api} otherwise.
	 */
	private static ConsentMethod method(CxpExchange exchange, Map<String, ConsentState> previous,
			ConsentCookie recorded) {
		if ("DELETE".equals(exchange.method())
				|| (recorded.isRefusal() && previous.containsValue(ConsentState.GRANTED))) {
			return ConsentMethod.WITHDRAWAL;
		}
		return "same-origin".equals(exchange.header("Sec-Fetch-Site")) ? ConsentMethod.BANNER : ConsentMethod.API;
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

	/**
	 * A choice as recorded in one response.
	 *
	 * @param consent the consent that later requests carrying the new cookie will get
	 * @param cookieValue the consent cookie's new value
	 * @param visitorId the visitor id tracked from now on, kept or issued in the response; {@code null} when
	 * tracking is not effective, and the visitor id cookie was deleted if the request carried one
	 */
	public record Recorded(DecidedConsent consent, String cookieValue, @Nullable String visitorId) {

	}

	/**
	 * A choice about to be recorded.
	 *
	 * @param previous the states the visitor's consent cookie recorded before
	 * @param recorded what the new consent cookie records, without a receipt id yet
	 * @param method how the choice was made, as the ledger keeps it
	 * @param nextRequest the request as the next one from the same browser will look with the new cookie
	 */
	public record PendingChoice(Map<String, ConsentState> previous, ConsentCookie recorded, ConsentMethod method,
			ConsentRequest nextRequest) {

	}

}
