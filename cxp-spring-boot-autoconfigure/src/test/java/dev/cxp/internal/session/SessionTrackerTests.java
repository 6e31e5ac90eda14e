package dev.cxp.internal.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.session.PageViewEvent;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionTracker} with the {@link InMemoryVisitorSessionStore} and a clock moved by hand.
 */
class SessionTrackerTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private static final String VISITOR = "0123456789abcdef0123456789abcdef";

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final List<Object> events = new ArrayList<>();

	private final AtomicInteger sessionsStarted = new AtomicInteger();

	private final AtomicInteger storeFailures = new AtomicInteger();

	private final InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT,
			new SecureIdGenerator()::sessionId, this.clock, 1000, Long.MAX_VALUE);

	private final SessionTracker tracker = tracker(false);

	private SessionTracker tracker(boolean recordQueryString) {
		return new SessionTracker(this.store, this.clock, recordQueryString, this.events::add,
				new CxpActivityListener() {

					@Override
					public void sessionStarted() {
						SessionTrackerTests.this.sessionsStarted.incrementAndGet();
					}

					@Override
					public void sessionStoreFailed() {
						SessionTrackerTests.this.storeFailures.incrementAndGet();
					}

				});
	}

	@Test
	void firstPageViewStartsASession() {
		Instant start = this.clock.instant();
		VisitSession session = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now());
		assertThat(session).isNotNull();
		assertThat(session.id()).matches("[A-Za-z0-9_-]{22}");
		assertThat(session.startedAt()).isEqualTo(start);
		assertThat(session.lastSeenAt()).isEqualTo(start);
		assertThat(session.expiresAt()).isEqualTo(start.plus(TIMEOUT));
		assertThat(session.previousPage()).isNull();
		assertThat(session.currentPage()).isEqualTo("/");
		assertThat(this.sessionsStarted).hasValue(1);
	}

	@Test
	void pageViewsSlideTheExpiry() {
		VisitSession first = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now());
		this.clock.advance(Duration.ofMinutes(29));
		VisitSession second = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/a", null), this.tracker.now());
		this.clock.advance(Duration.ofMinutes(29));
		VisitSession third = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/b", null), this.tracker.now());
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(third.id()).isEqualTo(first.id());
		assertThat(third.startedAt()).isEqualTo(first.startedAt());
		assertThat(third.expiresAt()).isEqualTo(this.clock.instant().plus(TIMEOUT));
		assertThat(this.sessionsStarted).hasValue(1);
	}

	@Test
	void sessionExpiresExactlyAtTheTimeout() {
		VisitSession first = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now());
		this.clock.advance(TIMEOUT.minusNanos(1));
		assertThat(this.tracker.currentSession(VISITOR)).isEqualTo(first);
		this.clock.advance(Duration.ofNanos(1));
		assertThat(this.tracker.currentSession(VISITOR)).isNull();
		VisitSession next = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/about", null), this.tracker.now());
		assertThat(next.id()).isNotEqualTo(first.id());
		assertThat(next.previousPage()).isNull();
		assertThat(next.startedAt()).isEqualTo(this.clock.instant());
		assertThat(this.sessionsStarted).hasValue(2);
	}

	@Test
	void readingTheSessionDoesNotSlideIt() {
		VisitSession first = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now());
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(this.tracker.currentSession(VISITOR)).isEqualTo(first);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.tracker.currentSession(VISITOR)).isNull();
	}

	@Test
	void previousPageFollowsThreePages() {
		assertThat(this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now()).previousPage()).isNull();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.tracker.trackPageView(VISITOR, new RequestedPage("", "/about", null), this.tracker.now()).previousPage()).isEqualTo("/");
		this.clock.advance(Duration.ofSeconds(5));
		VisitSession third = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/contact", null), this.tracker.now());
		assertThat(third.previousPage()).isEqualTo("/about");
		assertThat(third.currentPage()).isEqualTo("/contact");
		assertThat(this.tracker.currentSession(VISITOR).previousPage()).isEqualTo("/about");
	}

	@Test
	void queryStringIsStrippedByDefault() {
		this.tracker.trackPageView(VISITOR, new RequestedPage("", "/search", "email=a%40b.c&token=t"), this.tracker.now());
		VisitSession second = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now());
		assertThat(second.previousPage()).isEqualTo("/search");
	}

	@Test
	void queryStringIsKeptWhenConfigured() {
		SessionTracker keeping = tracker(true);
		keeping.trackPageView(VISITOR, new RequestedPage("", "/search", "q=shoes"), keeping.now());
		assertThat(keeping.trackPageView(VISITOR, new RequestedPage("", "/", ""), keeping.now()).previousPage()).isEqualTo("/search?q=shoes");
		assertThat(keeping.trackPageView(VISITOR, new RequestedPage("", "/x", null), keeping.now()).previousPage()).isEqualTo("/");
	}

	@Test
	void longPagesAreCutAt2048Characters() {
		String longPath = "/" + "p".repeat(5000);
		this.tracker.trackPageView(VISITOR, new RequestedPage("", longPath, null), this.tracker.now());
		VisitSession session = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now());
		assertThat(session.previousPage()).hasSize(2048).isEqualTo(longPath.substring(0, 2048));
		SessionTracker keeping = tracker(true);
		keeping.trackPageView(VISITOR, new RequestedPage("", "/q", "x".repeat(3000)), keeping.now());
		assertThat(keeping.trackPageView(VISITOR, new RequestedPage("", "/", null), keeping.now()).previousPage()).hasSize(2048).startsWith("/q?xxx");
	}

	@Test
	void visitorsHaveSeparateSessions() {
		VisitSession a = this.tracker.trackPageView("visitor-a", new RequestedPage("", "/a", null), this.tracker.now());
		VisitSession b = this.tracker.trackPageView("visitor-b", new RequestedPage("", "/b", null), this.tracker.now());
		assertThat(a.id()).isNotEqualTo(b.id());
		assertThat(this.tracker.trackPageView("visitor-a", new RequestedPage("", "/", null), this.tracker.now()).previousPage()).isEqualTo("/a");
	}

	@Test
	void forgetErasesTheSessionAndKeepsOnlyAMarkerOfTheErasure() {
		this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now());
		this.tracker.forget(List.of(VISITOR));
		assertThat(this.tracker.currentSession(VISITOR)).isNull();
		// The entry left holds no session, only the instant of the erasure, until the session timeout
		assertThat(this.store.size()).isOne();
		assertThat(this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now())).isNull();
	}

	@Test
	void eachPageViewPublishesAnEventWithEveryField() {
		Instant first = this.clock.instant();
		VisitSession session = this.tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), this.tracker.now());
		this.clock.advance(Duration.ofSeconds(3));
		this.tracker.trackPageView(VISITOR, new RequestedPage("", "/about", "email=x"), this.tracker.now());
		assertThat(this.events).containsExactly(new PageViewEvent(VISITOR, session.id(), "/", null, true, first),
				new PageViewEvent(VISITOR, session.id(), "/about", "/", false, first.plusSeconds(3)));
	}

	@Test
	void failingEventListenerDoesNotFailTheTracking() {
		SessionTracker failingListener = new SessionTracker(this.store, this.clock, false,
				(event) -> {
					throw new IllegalStateException("listener broke");
				}, CxpActivityListener.NONE);
		assertThat(failingListener.trackPageView(VISITOR, new RequestedPage("", "/", null), failingListener.now())).isNotNull();
		assertThat(failingListener.trackPageView(VISITOR, new RequestedPage("", "/next", null), failingListener.now()).previousPage()).isEqualTo("/");
	}

	@Test
	void forgetTellsWhetherTheStoreErased() {
		assertThat(this.tracker.forget(List.of(VISITOR))).isTrue();
		assertThat(this.tracker.forget(List.of())).isTrue();
		SessionTracker failing = new SessionTracker(new FailingStore(), this.clock, false, this.events::add,
				new CxpActivityListener() {

					@Override
					public void sessionStoreFailed() {
						SessionTrackerTests.this.storeFailures.incrementAndGet();
					}

				});
		assertThat(failing.forget(List.of(VISITOR))).isFalse();
		assertThat(this.storeFailures).hasValue(1);
	}

	@Test
	void aFailingStoreIsCountedAndThePageIsServedUntracked() {
		SessionTracker failing = new SessionTracker(new FailingStore(), this.clock, false, this.events::add,
				new CxpActivityListener() {

					@Override
					public void sessionStoreFailed() {
						SessionTrackerTests.this.storeFailures.incrementAndGet();
					}

				});
		assertThat(failing.trackPageView(VISITOR, new RequestedPage("", "/", null), failing.now())).isNull();
		assertThat(this.storeFailures).hasValue(1);
		assertThat(failing.currentSession(VISITOR)).isNull();
		assertThat(this.storeFailures).hasValue(2);
		assertThat(this.events).isEmpty();
	}

	/**
	 * A store that is down.
	 */
	private static final class FailingStore implements VisitorSessionStore {

		@Override
		public @Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit) {
			throw new IllegalStateException("store down");
		}

		@Override
		public @Nullable VisitSession find(String visitorId, Instant now) {
			throw new IllegalStateException("store down");
		}

		@Override
		public void remove(String visitorId) {
			throw new IllegalStateException("store down");
		}

		@Override
		public long size() {
			throw new IllegalStateException("store down");
		}

	}

}
