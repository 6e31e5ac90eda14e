package dev.cxp.internal.visitor;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;

/**
 * The visitor identity operations: keep or issue the visitor id, and erase a visitor (the id cookie in every
 * variant and the server-side session of the first {@value #MAX_ERASED_VISITOR_IDS} valid ids it held, in one
 * operation of the session store). The request path calls them as consent allows, and the consent endpoint
 * calls them when a visitor records a choice.
 *
 * @since 0.2.0
 */
public class VisitorIdentity {

	/**
	 * The most visitor ids whose sessions one erasure removes, in one operation of the session store, so that a
	 * request carrying many forged ids costs one bounded store call. A browser legitimately holds at most a few
	 * copies of the visitor id cookie: the host-only one and the one of {@code cxp.visitor.domain}, a copy left
	 * by an earlier domain setting, one written by the browser SDK. The id tracked is always the first valid one
	 * (SPEC S2.2), so it is always among those erased. The cookie deletions of the response cover every variant
	 * whatever the number of ids.
	 */
	public static final int MAX_ERASED_VISITOR_IDS = 4;

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
	 * cookie (every variant) and the server-side session of the first {@value #MAX_ERASED_VISITOR_IDS} valid ids
	 * it holds. An erasure the session store fails is counted and reported in the result.
	 * @param response the response, which receives the deletions
	 * @param reading the request's cookies
	 * @return what was erased
	 */
	public VisitorErasure eraseVisitor(HttpServletResponse response, RequestCookies reading) {
		return reading.visitorCookiePresent() ? eraseVisitor(response, reading.visitorIds()) : VisitorErasure.NOTHING;
	}

	/**
	 * Erase a visitor whose request carries a visitor id cookie: delete the cookie (every variant) and the
	 * server-side session of the first {@value #MAX_ERASED_VISITOR_IDS} valid ids it holds, in one operation of
	 * the session store.
	 * @param response the response, which receives the deletions
	 * @param visitorIds the valid ids the request's visitor id cookies hold, in order, possibly none
	 * @return what was erased
	 */
	public VisitorErasure eraseVisitor(HttpServletResponse response, List<String> visitorIds) {
		this.cookies.eraseVisitorId(response);
		this.listener.visitorErased();
		if (visitorIds.isEmpty()) {
			return VisitorErasure.NOTHING;
		}
		List<String> erasedIds = (visitorIds.size() > MAX_ERASED_VISITOR_IDS)
				? visitorIds.subList(0, MAX_ERASED_VISITOR_IDS) : visitorIds;
		boolean erased = this.sessionTracker.forget(erasedIds);
		if (!erased) {
			this.listener.erasureFailed();
		}
		return new VisitorErasure(visitorIds.get(0), erased);
	}

}
