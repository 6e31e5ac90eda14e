package dev.cxp.visitor;

import java.util.List;

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
		return (visitorId != null) ? visitorId : issueVisitorId(request, response, reading.visitorCookiePresent());
	}

	/**
	 * Issue a new visitor id, for a request that carries no valid one.
	 * @param request the request
	 * @param response its response, which receives the id cookie
	 * @param replacesInvalidId whether the request carries a visitor id cookie whose value is not valid
	 * @return the new visitor id
	 */
	public String issueVisitorId(HttpServletRequest request, HttpServletResponse response,
			boolean replacesInvalidId) {
		if (replacesInvalidId) {
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
		return reading.visitorCookiePresent() ? eraseVisitor(response, reading.visitorIds()) : VisitorErasure.NOTHING;
	}

	/**
	 * Erase a visitor whose request carries a visitor id cookie: delete the cookie (every variant) and the
	 * server-side session of each valid id it holds.
	 * @param response the response, which receives the deletions
	 * @param visitorIds the valid ids the request's visitor id cookies hold, possibly none
	 * @return what was erased
	 */
	public VisitorErasure eraseVisitor(HttpServletResponse response, List<String> visitorIds) {
		this.cookies.eraseVisitorId(response);
		this.listener.visitorErased();
		if (visitorIds.isEmpty()) {
			return VisitorErasure.NOTHING;
		}
		boolean erased = true;
		for (String id : visitorIds) {
			erased &= this.sessionTracker.forget(id);
		}
		if (!erased) {
			this.listener.erasureFailed();
		}
		return new VisitorErasure(visitorIds.get(0), erased);
	}

}
