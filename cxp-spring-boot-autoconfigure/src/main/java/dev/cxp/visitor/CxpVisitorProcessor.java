package dev.cxp.visitor;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.cxp.CxpActivityListener;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentPolicy;
import dev.cxp.consent.region.ConsentRegion;
import dev.cxp.session.SessionTracker;
import dev.cxp.session.VisitSession;
import dev.cxp.support.SecureIdGenerator;

/**
 * The starter's request path, top to bottom: decide consent, apply the policy, identify the visitor
 * (keep, issue or erase the id cookie), track the page view. Nothing is stored or emitted before consent
 * is known, and nothing at all without it.
 *
 * @author CXP
 */
public class CxpVisitorProcessor {

	private final ConsentPolicy consentPolicy;

	private final CxpCookies cookies;

	private final SecureIdGenerator ids;

	private final SessionTracker sessionTracker;

	private final CxpActivityListener listener;

	/**
	 * Create the processor.
	 * @param consentPolicy decides consent
	 * @param cookies reads and writes the starter's cookies
	 * @param ids issues new visitor ids
	 * @param sessionTracker tracks page views
	 * @param listener told what was decided and done
	 */
	public CxpVisitorProcessor(ConsentPolicy consentPolicy, CxpCookies cookies, SecureIdGenerator ids,
			SessionTracker sessionTracker, CxpActivityListener listener) {
		this.consentPolicy = consentPolicy;
		this.cookies = cookies;
		this.ids = ids;
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
		ConsentDecision decision = this.consentPolicy.decide(request);
		ConsentRegion region = this.consentPolicy.region(request);
		boolean effective = this.consentPolicy.isEffective(decision, region);
		this.listener.consentDecided(decision, effective);
		if (!effective) {
			eraseVisitor(request, response);
			return CxpVisitor.untracked(decision, region);
		}
		Cookie[] requestCookies = request.getCookies();
		String visitorId = this.cookies.firstValidVisitorId(requestCookies);
		boolean newVisitor = (visitorId == null);
		if (visitorId == null) {
			visitorId = issueVisitorId(request, response, requestCookies);
		}
		VisitSession session;
		if (pageView) {
			session = this.sessionTracker.trackPageView(visitorId, request.getRequestURI(), request.getQueryString());
		}
		else {
			session = newVisitor ? null : this.sessionTracker.currentSession(visitorId);
		}
		return new CxpVisitor(visitorId, decision, true, session, region);
	}

	/**
	 * The visitor's id, issuing one when the request carries no valid id: for a grant of consent.
	 * @param request the request
	 * @param response its response, which receives the new id cookie if one is issued
	 * @return the visitor id
	 */
	public String ensureVisitorId(HttpServletRequest request, HttpServletResponse response) {
		Cookie[] requestCookies = request.getCookies();
		String visitorId = this.cookies.firstValidVisitorId(requestCookies);
		return (visitorId != null) ? visitorId : issueVisitorId(request, response, requestCookies);
	}

	/**
	 * Erase what the starter stored about the visitor, when the request carries a visitor id cookie: the
	 * cookie (every variant) and the server-side session of each valid id it holds.
	 * @param request the request
	 * @param response its response, which receives the deletions
	 * @return the valid visitor id that was erased, if any
	 */
	public @Nullable String eraseVisitor(HttpServletRequest request, HttpServletResponse response) {
		Cookie[] requestCookies = request.getCookies();
		if (!this.cookies.hasVisitorCookie(requestCookies)) {
			return null;
		}
		this.cookies.eraseVisitorId(response);
		this.listener.visitorErased();
		String first = null;
		for (Cookie cookie : requestCookies) {
			if (this.cookies.visitorCookieName().equals(cookie.getName()) && VisitorIds.isValid(cookie.getValue())) {
				this.sessionTracker.forget(cookie.getValue());
				first = (first != null) ? first : cookie.getValue();
			}
		}
		return first;
	}

	private String issueVisitorId(HttpServletRequest request, HttpServletResponse response,
			Cookie @Nullable [] requestCookies) {
		if (this.cookies.hasVisitorCookie(requestCookies)) {
			this.listener.visitorInvalid();
		}
		String visitorId = this.ids.visitorId();
		this.cookies.issueVisitorId(request, response, visitorId);
		this.listener.visitorCreated();
		return visitorId;
	}

}
