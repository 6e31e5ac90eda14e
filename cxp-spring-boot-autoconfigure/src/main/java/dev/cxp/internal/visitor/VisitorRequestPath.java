package dev.cxp.internal.visitor;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.DecidedConsent;
import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.visitor.CxpCookies.VisitorIdCookies;
import dev.cxp.session.VisitSession;
import dev.cxp.visitor.CxpVisitor;

/**
 * The starter's path for one request, top to bottom: decide consent, keep the visitor id in step with it (keep,
 * issue or erase, through {@link VisitorIdentity}), and track the page view. Nothing is stored or emitted before
 * consent is known, and nothing at all without it. The clock is read before deciding: a page view carries that
 * time, so that one decided before a withdrawal took effect is served untracked rather than bring the erased
 * session back (SPEC S12.5).
 */
public class VisitorRequestPath {

	private final ConsentPolicy policy;

	private final CxpCookies cookies;

	private final VisitorIdentity identity;

	private final SessionTracker sessionTracker;

	private final CxpActivityListener listener;

	/**
	 * Create the request path.
	 * @param policy decides consent
	 * @param cookies reads the visitor id cookies
	 * @param identity keeps, issues and erases the visitor id
	 * @param sessionTracker tracks page views
	 * @param listener told what consent was decided
	 */
	public VisitorRequestPath(ConsentPolicy policy, CxpCookies cookies, VisitorIdentity identity,
			SessionTracker sessionTracker, CxpActivityListener listener) {
		this.policy = policy;
		this.cookies = cookies;
		this.identity = identity;
		this.sessionTracker = sessionTracker;
		this.listener = listener;
	}

	/**
	 * Process one request.
	 * @param exchange the request and its response, which receives the starter's cookies
	 * @param page the page viewed when the request is a page view to track, else {@code null}
	 * @return the current visitor
	 */
	public CxpVisitor process(CxpExchange exchange, @Nullable RequestedPage page) {
		Instant decidedAt = this.sessionTracker.now();
		IdentifiedVisitor visitor = identify(exchange, this.policy.decide(exchange));
		String visitorId = visitor.visitorId();
		if (visitorId == null) {
			List<String> erasedIds = visitor.erasedIds();
			if (!erasedIds.isEmpty()) {
				this.identity.erased(erasedIds, this.sessionTracker.forget(erasedIds));
			}
			return visitor.untracked();
		}
		VisitSession session;
		if (page != null) {
			session = this.sessionTracker.trackPageView(visitorId, page, decidedAt);
		}
		else {
			session = visitor.returning() ? this.sessionTracker.currentSession(visitorId) : null;
		}
		return visitor.tracked(session);
	}

	/**
	 * The step of a request that needs no store, shared by both web stacks: count the decision, and keep the
	 * visitor id cookie in step with it (keep or issue it with effective consent, delete it without). What is
	 * left, the session store's part, each stack does its own way: blocking, or without blocking.
	 * @param exchange the request and its response, which receives the starter's cookies
	 * @param consent the consent decided for the request
	 * @return the visitor, and what the store must do for it
	 */
	public IdentifiedVisitor identify(CxpExchange exchange, DecidedConsent consent) {
		this.listener.consentDecided(consent.decision(), consent.effective());
		VisitorIdCookies carried = this.cookies.visitorIds(exchange);
		if (!consent.effective()) {
			return new IdentifiedVisitor(consent, null, false, this.identity.eraseVisitorIdCookies(exchange, carried));
		}
		String visitorId = this.identity.ensureVisitorId(exchange, carried);
		return new IdentifiedVisitor(consent, visitorId, carried.visitorId() != null, List.of());
	}

	/**
	 * The visitor of a request once its consent is decided and its id cookie in step with it.
	 *
	 * @param consent the consent decided
	 * @param visitorId the visitor id, {@code null} without effective consent
	 * @param returning whether the request carried the visitor id, so that a session may exist
	 * @param erasedIds the ids whose sessions the store must erase, empty unless consent is not effective and the
	 * request carried valid ids
	 */
	public record IdentifiedVisitor(DecidedConsent consent, @Nullable String visitorId, boolean returning,
			List<String> erasedIds) {

		/**
		 * The visitor as controllers see it when not tracked.
		 * @return the visitor, with no id and no session
		 */
		public CxpVisitor untracked() {
			return CxpVisitor.untracked(this.consent.decision(), this.consent.region());
		}

		/**
		 * The visitor as controllers see it when tracked.
		 * @param session the session after this request, if any
		 * @return the visitor
		 */
		public CxpVisitor tracked(@Nullable VisitSession session) {
			return new CxpVisitor(this.visitorId, this.consent.decision(), true, session, this.consent.region());
		}

	}

}
