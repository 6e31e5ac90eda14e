package dev.cxp.visitor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cxp.activity.CxpActivityListener;
import dev.cxp.session.SessionTracker;
import dev.cxp.support.SecureIdGenerator;

/**
 * The visitor identity operations: keep or issue the visitor id, and erase a visitor (the id cookie in every
 * variant and the server-side session of each valid id it held). The request path calls them as consent
 * allows, and the consent endpoint calls them when a visitor records a choice.
 *
 * @since 0.2.0
 */
public class VisitorIdentity {

	private final CxpCookies cookies;

	private final SecureIdGenerator ids;

	private final SessionTracker sessionTracker;

	private final CxpActivityListener listener;

	/**
	 * Create the identity operations.
	 * @param cookies writes the visitor id cookie and its deletions
	 * @param ids issues new visitor ids
	 * @param sessionTracker holds the visit sessions an erasure removes
	 * @param listener told of ids issued, rejected and erased
	 */
	public VisitorIdentity(CxpCookies cookies, SecureIdGenerator ids, SessionTracker sessionTracker,
			CxpActivityListener listener) {
		this.cookies = cookies;
		this.ids = ids;
		this.sessionTracker = sessionTracker;
		this.listener = listener;
	}

	/**
	 * The visitor's id, issuing one when the request carries no valid id: for a grant of consent.
	 * @param request the request
	 * @param response its response, which receives the new id cookie if one is issued
	 * @param reading the request's cookies
	 * @return the visitor id
	 */
	public String ensureVisitorId(HttpServletRequest request, HttpServletResponse response,
			RequestCookies reading) {
		String visitorId = reading.visitorId();
		return (visitorId != null) ? visitorId : issueVisitorId(request, response, reading);
	}

	/**
	 * Issue a new visitor id, for a request that carries no valid one.
	 * @param request the request
	 * @param response its response, which receives the id cookie
	 * @param reading the request's cookies, which tell whether an invalid id is being replaced
	 * @return the new visitor id
	 */
	public String issueVisitorId(HttpServletRequest request, HttpServletResponse response, RequestCookies reading) {
		if (reading.visitorCookiePresent()) {
			this.listener.visitorInvalid();
		}
		String visitorId = this.ids.visitorId();
		this.cookies.issueVisitorId(request, response, visitorId);
		this.listener.visitorCreated();
		return visitorId;
	}

	/**
	 * Erase what the starter stored about the visitor, when the request carries a visitor id cookie: the
	 * cookie (every variant) and the server-side session of each valid id it holds. An erasure the session
	 * store fails is counted and reported in the result.
	 * @param response the response, which receives the deletions
	 * @param reading the request's cookies
	 * @return what was erased
	 */
	public VisitorErasure eraseVisitor(HttpServletResponse response, RequestCookies reading) {
		if (!reading.visitorCookiePresent()) {
			return VisitorErasure.NOTHING;
		}
		this.cookies.eraseVisitorId(response);
		this.listener.visitorErased();
		String visitorId = reading.visitorId();
		if (visitorId == null) {
			return VisitorErasure.NOTHING;
		}
		boolean erased = true;
		for (String id : reading.visitorIds()) {
			erased &= this.sessionTracker.forget(id);
		}
		if (!erased) {
			this.listener.erasureFailed();
		}
		return new VisitorErasure(visitorId, erased);
	}

}
