package dev.cxp.internal.visitor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRegion;
import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.session.VisitSession;
import dev.cxp.visitor.CxpVisitor;

/**
 * The starter's path for one request, top to bottom: read the starter's cookies once, decide consent, apply the policy, keep the visitor id
 * in step with it (keep, issue or erase, through {@link VisitorIdentity}), and track the page view. Nothing
 * is stored or emitted before consent is known, and nothing at all without it. The clock is read before
 * deciding: a page view carries that time, so that one decided before a withdrawal took effect is served
 * untracked rather than bring the erased session back (SPEC S12.5).
 *
 * @since 0.2.0
 */
public class VisitorRequestPath {

	private final ConsentPolicy consentPolicy;

	private final CxpCookies cookies;

	private final VisitorIdentity identity;

	private final SessionTracker sessionTracker;

	private final CxpActivityListener listener;

	/**
	 * Create the request path.
	 * @param consentPolicy decides consent
	 * @param cookies reads the starter's cookies
	 * @param identity keeps, issues and erases the visitor id
	 * @param sessionTracker tracks page views
	 * @param listener told what consent was decided
	 */
	public VisitorRequestPath(ConsentPolicy consentPolicy, CxpCookies cookies, VisitorIdentity identity,
			SessionTracker sessionTracker, CxpActivityListener listener) {
		this.consentPolicy = consentPolicy;
		this.cookies = cookies;
		this.identity = identity;
		this.sessionTracker = sessionTracker;
		this.listener = listener;
	}

	/**
	 * Process one request.
	 * @param request the request
	 * @param response its response, which receives the starter's cookies
	 * @param pageView whether the request is a page view to track
	 * @return the current visitor
	 */
	public CxpVisitor process(HttpServletRequest request, HttpServletResponse response, boolean pageView) {
		long decidedAt = this.sessionTracker.currentTimeMillis();
		RequestCookies reading = this.cookies.read(request);
		ConsentRegion region = this.consentPolicy.region(request);
		ConsentDecision decision = this.consentPolicy.decide(request, reading.consentCookie(),
				reading.moreConsentCookies(), region);
		boolean effective = this.consentPolicy.isEffective(decision, region);
		this.listener.consentDecided(decision, effective);
		// The reading is handed on only as values, so that it never escapes this method and the JIT can keep it
		// off the heap
		if (!effective) {
			if (reading.visitorCookiePresent()) {
				this.identity.eraseVisitor(response, reading.visitorIds());
			}
			return CxpVisitor.untracked(decision, region);
		}
		String visitorId = reading.visitorId();
		boolean newVisitor = (visitorId == null);
		if (visitorId == null) {
			visitorId = this.identity.issueVisitorId(request, response, reading.visitorCookiePresent());
		}
		VisitSession session;
		if (pageView) {
			session = this.sessionTracker.trackPageView(visitorId, request.getContextPath(), request.getRequestURI(),
					request.getQueryString(), decidedAt);
		}
		else {
			session = newVisitor ? null : this.sessionTracker.currentSession(visitorId);
		}
		return new CxpVisitor(visitorId, decision, true, session, region);
	}

}
