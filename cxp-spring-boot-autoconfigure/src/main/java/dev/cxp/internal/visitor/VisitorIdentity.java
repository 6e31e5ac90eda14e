package dev.cxp.internal.visitor;

import java.util.List;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.visitor.CxpCookies.VisitorIdCookies;

/**
 * The visitor identity operations: keep or issue the visitor id, and erase a visitor (the id cookie in every
 * variant and the server-side session of the first {@value #MAX_ERASED_VISITOR_IDS} valid ids it held, in one
 * operation of the session store). The request path calls them as consent allows, and the consent endpoint
 * calls them when a visitor records a choice.
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
	 * The visitor's id, issuing one when the request carries no valid id.
	 * @param exchange the exchange, whose response receives the new id cookie if one is issued
	 * @param carried the request's visitor id cookies
	 * @return the visitor id
	 */
	public String ensureVisitorId(CxpExchange exchange, VisitorIdCookies carried) {
		String visitorId = carried.visitorId();
		if (visitorId != null) {
			return visitorId;
		}
		if (carried.present()) {
			this.listener.visitorInvalid();
		}
		String issued = this.ids.visitorId();
		this.cookies.issueVisitorId(exchange, issued);
		this.listener.visitorCreated();
		return issued;
	}

	/**
	 * Erase what the starter stored about the visitor, when the request carries a visitor id cookie: the cookie
	 * (every variant) and the server-side session of the first {@value #MAX_ERASED_VISITOR_IDS} valid ids it
	 * holds, in one operation of the session store. An erasure the session store fails is counted and reported in
	 * the result.
	 * @param exchange the exchange, whose response receives the deletions
	 * @param carried the request's visitor id cookies
	 * @return what was erased
	 */
	public VisitorErasure eraseVisitor(CxpExchange exchange, VisitorIdCookies carried) {
		List<String> erasedIds = eraseVisitorIdCookies(exchange, carried);
		if (erasedIds.isEmpty()) {
			return VisitorErasure.NOTHING;
		}
		return erased(erasedIds, this.sessionTracker.forget(erasedIds));
	}

	/**
	 * The first half of an erasure, which needs no store: delete the visitor id cookie in every variant when the
	 * request carries one, and tell which sessions the store must erase. A web stack that reaches the store
	 * without blocking erases them itself, then reports with {@link #erased(List, boolean)}.
	 * @param exchange the exchange, whose response receives the deletions
	 * @param carried the request's visitor id cookies
	 * @return the first {@value #MAX_ERASED_VISITOR_IDS} valid ids the request holds, the id tracked first; empty
	 * when there is no session to erase
	 */
	public List<String> eraseVisitorIdCookies(CxpExchange exchange, VisitorIdCookies carried) {
		if (!carried.present()) {
			return List.of();
		}
		this.cookies.eraseVisitorId(exchange);
		this.listener.visitorErased();
		List<String> visitorIds = carried.visitorIds();
		return visitorIds.subList(0, Math.min(visitorIds.size(), MAX_ERASED_VISITOR_IDS));
	}

	/**
	 * The second half of an erasure: count a failure of the store.
	 * @param erasedIds the ids whose sessions were to be erased, from
	 * {@link #eraseVisitorIdCookies(CxpExchange, VisitorIdCookies)}, not empty
	 * @param serverDataErased whether the store erased them
	 * @return what was erased
	 */
	public VisitorErasure erased(List<String> erasedIds, boolean serverDataErased) {
		if (!serverDataErased) {
			this.listener.erasureFailed();
		}
		return new VisitorErasure(erasedIds.get(0), serverDataErased);
	}

}
