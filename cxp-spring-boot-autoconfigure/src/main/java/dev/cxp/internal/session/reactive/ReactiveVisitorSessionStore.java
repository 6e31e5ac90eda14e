package dev.cxp.internal.session.reactive;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;

/**
 * The session store as a WebFlux application reaches it: the operations of {@link VisitorSessionStore} that a
 * request makes, none of which blocks the thread that subscribes. Failures are signalled as errors.
 */
public interface ReactiveVisitorSessionStore {

	/**
	 * Apply a page view to the visitor's session; see {@link VisitorSessionStore#recordPageView(String, PageVisit)}.
	 * @param visitorId the visitor id
	 * @param visit the page view
	 * @return the session after the page view, or empty when the visitor was erased at or after its timestamp
	 */
	Mono<TrackedPageView> recordPageView(String visitorId, PageVisit visit);

	/**
	 * The visitor's live session, without changing it.
	 * @param visitorId the visitor id
	 * @param now the current time
	 * @return the session, or empty when there is none or it has expired
	 */
	Mono<VisitSession> find(String visitorId, Instant now);

	/**
	 * Erase the sessions of a few visitors in one operation; see
	 * {@link VisitorSessionStore#erase(List, Instant)}.
	 * @param visitorIds the visitor ids, few
	 * @param erasedAt the instant of the erasure
	 * @return completes once erased
	 */
	Mono<Void> erase(List<String> visitorIds, Instant erasedAt);

}
