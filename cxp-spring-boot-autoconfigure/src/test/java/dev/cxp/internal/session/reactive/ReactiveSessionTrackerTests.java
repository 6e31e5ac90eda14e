package dev.cxp.internal.session.reactive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactiveSessionTracker} and {@link AdaptedReactiveSessionStore}: the rules of a page view over a
 * store reached without blocking, the thread each kind of store is called on, and a failing store that fails no
 * request.
 */
class ReactiveSessionTrackerTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private static final String VISITOR = "0123456789abcdef0123456789abcdef";

	private static final RequestedPage HOME = new RequestedPage("", "/", null);

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final AtomicInteger storeFailures = new AtomicInteger();

	private final List<Object> events = new ArrayList<>();

	private final AtomicReference<String> calledOn = new AtomicReference<>();

	private final InMemoryVisitorSessionStore memory = new InMemoryVisitorSessionStore(TIMEOUT,
			new SecureIdGenerator()::sessionId, this.clock, 1000, Long.MAX_VALUE) {

		@Override
		public @Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit) {
			ReactiveSessionTrackerTests.this.calledOn.set(Thread.currentThread().getName());
			return super.recordPageView(visitorId, visit);
		}

	};

	@Test
	void thePageViewOfAConsentingVisitorStartsAndSlidesItsSession() {
		ReactiveSessionTracker tracker = tracker(this.memory);
		VisitSession first = tracker.trackPageView(VISITOR, HOME, tracker.now()).block();
		this.clock.advance(Duration.ofMinutes(10));
		VisitSession second = tracker.trackPageView(VISITOR, new RequestedPage("", "/a", null), tracker.now()).block();
		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.previousPage()).isEqualTo("/");
		assertThat(second.expiresAt()).isEqualTo(this.clock.instant().plus(TIMEOUT));
		assertThat(tracker.currentSession(VISITOR).block()).isEqualTo(second);
		assertThat(this.events).hasSize(2);
	}

	@Test
	void forgettingErasesTheSessionsAndAPageViewFromBeforeTheErasureIsNotRecorded() {
		ReactiveSessionTracker tracker = tracker(this.memory);
		Instant before = tracker.now();
		tracker.trackPageView(VISITOR, HOME, before).block();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(tracker.forget(List.of(VISITOR)).block()).isTrue();
		assertThat(tracker.currentSession(VISITOR).block()).isNull();
		assertThat(tracker.trackPageView(VISITOR, HOME, before).block()).isNull();
		assertThat(this.storeFailures).hasValue(0);
	}

	@Test
	void forgettingNoVisitorAsksNothingOfTheStore() {
		ReactiveSessionTracker tracker = tracker(new FailingStore());
		assertThat(tracker.forget(List.of()).block()).isTrue();
		assertThat(this.storeFailures).hasValue(0);
	}

	@Test
	void aFailingStoreIsCountedAndEveryAnswerIsEmptyOrFalse() {
		ReactiveSessionTracker tracker = tracker(new FailingStore());
		assertThat(tracker.trackPageView(VISITOR, HOME, tracker.now()).block()).isNull();
		assertThat(this.storeFailures).hasValue(1);
		assertThat(tracker.currentSession(VISITOR).block()).isNull();
		assertThat(this.storeFailures).hasValue(2);
		assertThat(tracker.forget(List.of(VISITOR)).block()).isFalse();
		assertThat(this.storeFailures).hasValue(3);
		assertThat(this.events).isEmpty();
	}

	@Test
	void theInMemoryStoreIsCalledOnTheSubscribingThread() {
		ReactiveVisitorSessionStore adapted = AdaptedReactiveSessionStore.of(this.memory);
		adapted.recordPageView(VISITOR, new PageVisit("/", this.clock.instant())).block();
		assertThat(this.calledOn).hasValue(Thread.currentThread().getName());
		assertThat(adapted).hasToString("AdaptedReactiveSessionStore[memory]");
	}

	@Test
	void anyOtherStoreIsCalledOnTheBoundedElasticScheduler() {
		ReactiveVisitorSessionStore adapted = AdaptedReactiveSessionStore.of(new DelegatingStore(this.memory));
		TrackedPageView tracked = adapted.recordPageView(VISITOR, new PageVisit("/", this.clock.instant())).block();
		assertThat(tracked).isNotNull();
		assertThat(this.calledOn.get()).startsWith("boundedElastic-");
		assertThat(adapted).hasToString("AdaptedReactiveSessionStore[delegating, bounded elastic]");
		adapted.erase(List.of(VISITOR), this.clock.instant()).block();
		assertThat(adapted.find(VISITOR, this.clock.instant()).block()).isNull();
	}

	private ReactiveSessionTracker tracker(VisitorSessionStore store) {
		SessionTracker rules = new SessionTracker(store, this.clock, false, this.events::add, new CxpActivityListener() {

			@Override
			public void sessionStoreFailed() {
				ReactiveSessionTrackerTests.this.storeFailures.incrementAndGet();
			}

		});
		return new ReactiveSessionTracker(rules, AdaptedReactiveSessionStore.of(store));
	}

	/**
	 * A store of an application's own, as far as the adapter can tell.
	 */
	private static class DelegatingStore implements VisitorSessionStore {

		private final VisitorSessionStore delegate;

		DelegatingStore(VisitorSessionStore delegate) {
			this.delegate = delegate;
		}

		@Override
		public @Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit) {
			return this.delegate.recordPageView(visitorId, visit);
		}

		@Override
		public @Nullable VisitSession find(String visitorId, Instant now) {
			return this.delegate.find(visitorId, now);
		}

		@Override
		public void remove(String visitorId) {
			this.delegate.remove(visitorId);
		}

		@Override
		public void erase(List<String> visitorIds, Instant erasedAt) {
			this.delegate.erase(visitorIds, erasedAt);
		}

		@Override
		public long size() {
			return this.delegate.size();
		}

		@Override
		public String type() {
			return "delegating";
		}

	}

	/**
	 * A store whose server is down.
	 */
	private static class FailingStore implements VisitorSessionStore {

		@Override
		public @Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit) {
			throw new IllegalStateException("down");
		}

		@Override
		public @Nullable VisitSession find(String visitorId, Instant now) {
			throw new IllegalStateException("down");
		}

		@Override
		public void remove(String visitorId) {
			throw new IllegalStateException("down");
		}

		@Override
		public void erase(List<String> visitorIds, Instant erasedAt) {
			throw new IllegalStateException("down");
		}

		@Override
		public long size() {
			return 0;
		}

	}

}
