package dev.cxp.internal.visitor;

import java.time.Instant;

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
		DecidedConsent consent = this.policy.decide(exchange);
		this.listener.consentDecided(consent.decision(), consent.effective());
		VisitorIdCookies carried = this.cookies.visitorIds(exchange);
		if (!consent.effective()) {
			this.identity.eraseVisitor(exchange, carried);
			return CxpVisitor.untracked(consent.decision(), consent.region());
		}
		String visitorId = this.identity.ensureVisitorId(exchange, carried);
		VisitSession session;
		if (page != null) {
			session = this.sessionTracker.trackPageView(visitorId, page, decidedAt);
		}
		else {
			session = (carried.visitorId() != null) ? this.sessionTracker.currentSession(visitorId) : null;
		}
		return new CxpVisitor(visitorId, consent.decision(), true, session, consent.region());
	}

}
