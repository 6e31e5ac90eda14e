package dev.cxp.internal.session.reactive;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;

/**
 * A {@link VisitorSessionStore} reached from a WebFlux application. The starter's in-memory store is called on
 * the subscribing thread: it only computes over a map, one visitor's entry at a time, and never waits for I/O.
 * Any other store, such as an application's own, may block, so it is called on Reactor's bounded elastic
 * scheduler, never on an event-loop thread.
 */
public final class AdaptedReactiveSessionStore implements ReactiveVisitorSessionStore {

	private final VisitorSessionStore store;

	private final @Nullable Scheduler scheduler;

	private AdaptedReactiveSessionStore(VisitorSessionStore store, @Nullable Scheduler scheduler) {
		this.store = store;
		this.scheduler = scheduler;
	}

	/**
	 * The store reached without blocking: the in-memory store on the calling thread, any other on the bounded
	 * elastic scheduler.
	 * @param store the store
	 * @return the store, for a WebFlux application
	 */
	public static ReactiveVisitorSessionStore of(VisitorSessionStore store) {
		return (store instanceof InMemoryVisitorSessionStore) ? new AdaptedReactiveSessionStore(store, null)
				: new AdaptedReactiveSessionStore(store, Schedulers.boundedElastic());
	}

	@Override
	public Mono<TrackedPageView> recordPageView(String visitorId, PageVisit visit) {
		return call(() -> this.store.recordPageView(visitorId, visit));
	}

	@Override
	public Mono<VisitSession> find(String visitorId, Instant now) {
		return call(() -> this.store.find(visitorId, now));
	}

	@Override
	public Mono<Void> erase(List<String> visitorIds, Instant erasedAt) {
		return call(() -> {
			this.store.erase(visitorIds, erasedAt);
			return null;
		});
	}

	private <T> Mono<T> call(Callable<@Nullable T> operation) {
		Mono<T> call = Mono.fromCallable(operation);
		return (this.scheduler != null) ? call.subscribeOn(this.scheduler) : call;
	}

	@Override
	public String toString() {
		return "AdaptedReactiveSessionStore[" + this.store.type() + ((this.scheduler != null) ? ", bounded elastic]" : "]");
	}

}
