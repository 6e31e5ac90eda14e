package dev.cxp.internal.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryVisitorSessionStore}: atomicity under real threads and the size bound.
 */
class InMemoryVisitorSessionStoreTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	@Test
	void concurrentFirstPageViewsOfOneVisitorStartExactlyOneSession() throws Exception {
		SecureIdGenerator ids = new SecureIdGenerator();
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, ids::sessionId, this.clock,
				100_000, Long.MAX_VALUE);
		AtomicInteger started = new AtomicInteger();
		SessionTracker tracker = new SessionTracker(store, this.clock, false, (event) -> {
		}, new CxpActivityListener() {

			@Override
			public void sessionStarted() {
				started.incrementAndGet();
			}

		});
		int threads = 64;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 20; round++) {
				String visitor = "visitor-" + round;
				CountDownLatch ready = new CountDownLatch(threads);
				CountDownLatch go = new CountDownLatch(1);
				List<Future<VisitSession>> results = IntStream.range(0, threads)
					.mapToObj((i) -> executor.submit(() -> {
						ready.countDown();
						go.await();
						return tracker.trackPageView(visitor, new RequestedPage("", "/page-" + i, null), tracker.now());
					}))
					.toList();
				assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
				go.countDown();
				Set<String> sessionIds = ConcurrentHashMap.newKeySet();
				int withoutPrevious = 0;
				for (Future<VisitSession> result : results) {
					VisitSession session = result.get(10, TimeUnit.SECONDS);
					sessionIds.add(session.id());
					withoutPrevious += (session.previousPage() == null) ? 1 : 0;
				}
				assertThat(sessionIds).hasSize(1);
				assertThat(withoutPrevious).isEqualTo(1);
			}
			assertThat(started).hasValue(20);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void fillingBeyondMaxEntriesStaysWithinTheBound() {
		int maxEntries = 100_000;
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, () -> "session",
				this.clock, maxEntries, Long.MAX_VALUE);
		Instant now = this.clock.instant();
		long largest = 0;
		for (int i = 0; i < maxEntries + 10_000; i++) {
			store.recordPageView("visitor-" + i, new PageVisit("/", now));
			if (i % 1000 == 0) {
				largest = Math.max(largest, store.size());
			}
		}
		store.cleanUp();
		assertThat(store.size()).isLessThanOrEqualTo(maxEntries);
		assertThat(largest).isLessThanOrEqualTo(maxEntries);
		assertThat(store.find("visitor-" + (maxEntries + 9_999), now)).isNotNull();
	}

	@Test
	void idleEntriesExpire() {
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, () -> "s", this.clock,
				1000, Long.MAX_VALUE);
		for (int i = 0; i < 100; i++) {
			store.recordPageView("visitor-" + i, new PageVisit("/", this.clock.instant()));
		}
		assertThat(store.size()).isEqualTo(100);
		this.clock.advance(TIMEOUT);
		// Expired exactly at the timeout; the cache drops them within a margin of a few seconds
		for (int i = 0; i < 100; i++) {
			assertThat(store.find("visitor-" + i, this.clock.instant())).isNull();
		}
		this.clock.advance(Duration.ofSeconds(5));
		store.cleanUp();
		assertThat(store.size()).isZero();
	}

	@Test
	void pageViewJustBeforeTheExactExpirySlidesTheSessionWhenTheClockHasSubMillisecondTimes() {
		AtomicInteger sessionIds = new AtomicInteger();
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT,
				() -> "session-" + sessionIds.incrementAndGet(), this.clock, 1000, Long.MAX_VALUE);
		this.clock.advance(Duration.ofNanos(900_000));
		TrackedPageView first = store.recordPageView("visitor", new PageVisit("/a", this.clock.instant()));
		this.clock.advance(TIMEOUT.minusNanos(1));
		store.cleanUp();
		TrackedPageView second = store.recordPageView("visitor", new PageVisit("/b", this.clock.instant()));
		assertThat(second.newSession()).isFalse();
		assertThat(second.session().id()).isEqualTo(first.session().id());
		assertThat(second.session().previousPage()).isEqualTo("/a");
		assertThat(second.session().expiresAt()).isEqualTo(this.clock.instant().plus(TIMEOUT));
		this.clock.advance(TIMEOUT);
		assertThat(store.find("visitor", this.clock.instant())).isNull();
		TrackedPageView third = store.recordPageView("visitor", new PageVisit("/c", this.clock.instant()));
		assertThat(third.newSession()).isTrue();
		assertThat(third.session().id()).isNotEqualTo(first.session().id());
		assertThat(third.session().previousPage()).isNull();
	}

	@Test
	void concurrentPageViewsOfALiveSessionFormOneChainWithNoneLost() throws Exception {
		// A floor of 450 bytes: the short pages slide the entry in place, the long ones make the map re-weigh it
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, new SecureIdGenerator()::sessionId,
				this.clock, 1000, 450_000);
		int threads = 8;
		int viewsPerThread = 2_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 5; round++) {
				String visitor = "visitor-" + round;
				String first = store.recordPageView(visitor, new PageVisit("/start", this.clock.instant()))
					.session()
					.id();
				CountDownLatch go = new CountDownLatch(1);
				List<Future<List<TrackedPageView>>> results = IntStream.range(0, threads)
					.mapToObj((thread) -> executor.submit(() -> {
						go.await();
						List<TrackedPageView> views = new java.util.ArrayList<>();
						for (int i = 0; i < viewsPerThread; i++) {
							String page = "/" + thread + "/" + i + ((i % 50 == 0) ? "/" + "x".repeat(400) : "");
							views.add(store.recordPageView(visitor, new PageVisit(page, this.clock.instant())));
						}
						return views;
					}))
					.toList();
				go.countDown();
				Set<String> previousPages = new java.util.HashSet<>();
				Set<String> pages = new java.util.HashSet<>();
				for (Future<List<TrackedPageView>> result : results) {
					for (TrackedPageView view : result.get(60, TimeUnit.SECONDS)) {
						assertThat(view.newSession()).isFalse();
						assertThat(view.session().id()).isEqualTo(first);
						// Each page view follows exactly one other: two with the same previous page would mean one
						// was applied to a session the other had already replaced, and was lost
						assertThat(previousPages.add(view.session().previousPage())).isTrue();
						pages.add(view.session().currentPage());
					}
				}
				assertThat(previousPages).hasSize(threads * viewsPerThread);
				pages.add("/start");
				pages.removeAll(previousPages);
				// The one page that no page view followed is the session's current page
				assertThat(pages).containsExactly(store.find(visitor, this.clock.instant()).currentPage());
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aPageViewKeepsTheEntryForAWholeTimeoutMore() {
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, () -> "s", this.clock, 1000,
				Long.MAX_VALUE);
		store.recordPageView("visitor", new PageVisit("/a", this.clock.instant()));
		this.clock.advance(TIMEOUT.minusMinutes(1));
		assertThat(store.recordPageView("visitor", new PageVisit("/b", this.clock.instant())).newSession()).isFalse();
		this.clock.advance(Duration.ofMinutes(2));
		store.cleanUp();
		assertThat(store.size()).isEqualTo(1);
		assertThat(store.find("visitor", this.clock.instant())).isNotNull()
			.extracting(VisitSession::previousPage)
			.isEqualTo("/a");
	}

	@Test
	void lookingAtASessionDoesNotKeepItsEntry() {
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, () -> "s", this.clock, 1000,
				Long.MAX_VALUE);
		store.recordPageView("visitor", new PageVisit("/a", this.clock.instant()));
		this.clock.advance(TIMEOUT.minusMinutes(1));
		assertThat(store.find("visitor", this.clock.instant())).isNotNull();
		this.clock.advance(Duration.ofMinutes(2));
		store.cleanUp();
		assertThat(store.size()).isZero();
	}

	@Test
	void aSessionThatOutgrowsTheFloorIsWeighedAgain() {
		// 1,000 entries in 600,000 bytes: a floor of 600 bytes per entry
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, () -> "s", this.clock, 1000,
				600_000);
		store.recordPageView("visitor", new PageVisit("/a", this.clock.instant()));
		assertThat(store.weightedSize()).isEqualTo(600);
		store.recordPageView("visitor", new PageVisit("/b", this.clock.instant()));
		assertThat(store.weightedSize()).isEqualTo(600);
		String longPage = "/" + "x".repeat(1000);
		VisitSession grown = store.recordPageView("visitor", new PageVisit(longPage, this.clock.instant())).session();
		assertThat(grown.previousPage()).isEqualTo("/b");
		assertThat(store.weightedSize()).isEqualTo(InMemoryVisitorSessionStore.estimatedBytes("visitor", grown))
			.isGreaterThan(1000);
		assertThat(store.find("visitor", this.clock.instant())).isEqualTo(grown);
	}

	@Test
	void removingAVisitorDropsItsEntryAndItsNextPageViewStartsASession() {
		AtomicInteger sessionIds = new AtomicInteger();
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT,
				() -> "session-" + sessionIds.incrementAndGet(), this.clock, 1000, Long.MAX_VALUE);
		store.recordPageView("visitor", new PageVisit("/a", this.clock.instant()));
		store.recordPageView("other", new PageVisit("/a", this.clock.instant()));
		store.remove("visitor");
		assertThat(store.find("visitor", this.clock.instant())).isNull();
		assertThat(store.find("other", this.clock.instant())).isNotNull();
		assertThat(store.size()).isOne();
		// Unlike an erasure, a removal leaves no marker: a page view at the same instant is recorded
		TrackedPageView next = store.recordPageView("visitor", new PageVisit("/b", this.clock.instant()));
		assertThat(next.newSession()).isTrue();
		assertThat(next.session().id()).isEqualTo("session-3");
		assertThat(next.session().previousPage()).isNull();
	}

	@Test
	void theMarkerOfAnErasureWeighsItsVisitorId() {
		// 1,000 entries in 100,000 bytes: a floor of 100 bytes, below what any entry holds
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, () -> "s", this.clock, 1000,
				100_000);
		store.erase(List.of("v"), this.clock.instant());
		long shortMarker = store.weightedSize();
		assertThat(shortMarker).isGreaterThan(100);
		String longId = "v".repeat(1000);
		store.erase(List.of(longId), this.clock.instant());
		// Markers of forged long ids must fill the byte bound as fast as they fill the heap
		long longMarker = store.weightedSize() - shortMarker;
		assertThat(longMarker).isGreaterThan(shortMarker).isGreaterThan(longId.length());
	}

	@Test
	void theMaximumWeightIsTheTighterOfTheTwoBounds() {
		// 3 entries in 1,000 bytes: a floor of 333 bytes, so 3 entries weigh at least 999
		assertThat(new InMemoryVisitorSessionStore(TIMEOUT, () -> "s", this.clock, 3, 1000).maximumWeight())
			.isEqualTo(999);
		// A floor of one byte: the byte bound is the tighter
		assertThat(new InMemoryVisitorSessionStore(TIMEOUT, () -> "s", this.clock, 1_000_000, 64_000).maximumWeight())
			.isEqualTo(64_000);
	}

	@Test
	void theEstimateCountsThePreviousPage() {
		Instant now = this.clock.instant();
		VisitSession first = new VisitSession("s", now, now, now, null, "/c");
		VisitSession second = new VisitSession("s", now, now, now, "/" + "p".repeat(999), "/c");
		assertThat(InMemoryVisitorSessionStore.estimatedBytes("v", second))
			.isGreaterThanOrEqualTo(InMemoryVisitorSessionStore.estimatedBytes("v", first) + 1000);
	}

	@Test
	void stringsAreWeighedAsTheJvmHoldsThem() {
		Instant now = this.clock.instant();
		String visitor = "v".repeat(32);
		String session = "s".repeat(32);
		// 300 for the entry; a string is 24 bytes and its array: a 16-byte header and a byte a Latin-1
		// character, rounded up to 8 (32 characters: 72 in all, one character: 48)
		assertThat(InMemoryVisitorSessionStore.estimatedBytes(visitor, new VisitSession(session, now, now, now, null, "/")))
			.isEqualTo(300 + 72 + 72 + 48);
		// U+00FF is the last Latin-1 character: 9 of them are 24 + 16 + 9 rounded up to 8
		assertThat(InMemoryVisitorSessionStore.estimatedBytes(visitor,
				new VisitSession(session, now, now, now, "\u00ff".repeat(9), "/")))
			.isEqualTo(300 + 72 + 72 + 48 + 56);
		// One character beyond Latin-1 makes the whole string two bytes a character: 24 + 16 + 8 x 2
		assertThat(InMemoryVisitorSessionStore.estimatedBytes(visitor,
				new VisitSession(session, now, now, now, null, "/" + "\u20ac".repeat(7))))
			.isEqualTo(300 + 72 + 72 + 56);
	}

	@Test
	void oneVisitorAndOneByteAreBoundsAStoreAccepts() {
		InMemoryVisitorSessionStore oneVisitor = new InMemoryVisitorSessionStore(TIMEOUT, () -> "s", this.clock, 1,
				Long.MAX_VALUE);
		oneVisitor.recordPageView("first", new PageVisit("/", this.clock.instant()));
		oneVisitor.recordPageView("second", new PageVisit("/", this.clock.instant()));
		assertThat(oneVisitor.size()).isOne();
		assertThat(new InMemoryVisitorSessionStore(TIMEOUT, () -> "s", this.clock, 1, 1).maximumWeight()).isOne();
	}

	@Test
	void pageViewsLessThanATimeoutApartKeepOneSession() {
		AtomicInteger sessionIds = new AtomicInteger();
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT,
				() -> "session-" + sessionIds.incrementAndGet(), this.clock, 1000, Long.MAX_VALUE);
		Random random = new Random(15);
		long timeoutMillis = TIMEOUT.toMillis();
		store.recordPageView("visitor", new PageVisit("/0", this.clock.instant()));
		for (int i = 1; i <= 3_000; i++) {
			// Gaps of any length under the timeout, every other one just short of it: the cache must not count the
			// idle time from an earlier page view than the last, as Caffeine's access time does within a second
			long gap = (i % 2 == 0) ? random.nextLong(timeoutMillis) : timeoutMillis - 1 - random.nextLong(1000);
			this.clock.advance(Duration.ofMillis(gap));
			store.cleanUp();
			TrackedPageView view = store.recordPageView("visitor", new PageVisit("/" + i, this.clock.instant()));
			assertThat(view.newSession()).as("page view %d, %d ms after the one before", i, gap).isFalse();
		}
		assertThat(sessionIds).hasValue(1);
		this.clock.advance(TIMEOUT.plusSeconds(5));
		store.cleanUp();
		assertThat(store.size()).isZero();
	}

}
