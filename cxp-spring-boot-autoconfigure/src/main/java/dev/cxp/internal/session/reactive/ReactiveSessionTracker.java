package dev.cxp.internal.session.reactive;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.session.PageVisit;
import dev.cxp.session.VisitSession;

/**
 * The {@link SessionTracker} of a WebFlux application: the same rules, counts and events, with the store reached
 * through a {@link ReactiveVisitorSessionStore}. A failing store never fails the request: the failure is counted
 * and warned about as on Spring MVC, and the page is served untracked.
 */
public class ReactiveSessionTracker {

	private final SessionTracker tracker;

	private final ReactiveVisitorSessionStore store;

	/**
	 * Create a tracker.
	 * @param tracker the rules, counts and events of page views
	 * @param store the store, reached without blocking
	 */
	public ReactiveSessionTracker(SessionTracker tracker, ReactiveVisitorSessionStore store) {
		this.tracker = tracker;
		this.store = store;
	}

	/**
	 * The current time on the tracker's clock; see {@link SessionTracker#now()}.
	 * @return the current time
	 */
	public Instant now() {
		return this.tracker.now();
	}

	/**
	 * Record a page view of a consenting visitor and publish its event; see
	 * {@link SessionTracker#trackPageView(String, RequestedPage, Instant)}.
	 * @param visitorId the visitor id
	 * @param requested the page as the request names it
	 * @param decidedAt when the request's consent was decided
	 * @return the session after the page view, or empty when the store failed or the visitor was erased at or
	 * after {@code decidedAt}
	 */
	public Mono<VisitSession> trackPageView(String visitorId, RequestedPage requested, Instant decidedAt) {
		String page = this.tracker.page(requested);
		return this.store.recordPageView(visitorId, new PageVisit(page, decidedAt))
			.flatMap((tracked) -> Mono.justOrEmpty(this.tracker.recorded(visitorId, page, decidedAt, tracked)))
			.onErrorResume((ex) -> {
				this.tracker.storeFailed(ex);
				return Mono.empty();
			});
	}

	/**
	 * The visitor's live session, without changing it.
	 * @param visitorId the visitor id
	 * @return the session, or empty when there is none, it expired, or the store failed
	 */
	public Mono<VisitSession> currentSession(String visitorId) {
		return this.store.find(visitorId, this.tracker.now()).onErrorResume((ex) -> {
			this.tracker.storeFailed(ex);
			return Mono.empty();
		});
	}

	/**
	 * Erase the sessions of a few visitors in one operation of the store; see
	 * {@link SessionTracker#forget(List)}.
	 * @param visitorIds the visitor ids, few
	 * @return {@code true} when the store erased them (or held none), {@code false} when it failed
	 */
	public Mono<Boolean> forget(List<String> visitorIds) {
		if (visitorIds.isEmpty()) {
			return Mono.just(true);
		}
		return this.store.erase(visitorIds, this.tracker.now()).thenReturn(true).onErrorResume((ex) -> {
			this.tracker.storeFailed(ex);
			return Mono.just(false);
		});
	}

}
