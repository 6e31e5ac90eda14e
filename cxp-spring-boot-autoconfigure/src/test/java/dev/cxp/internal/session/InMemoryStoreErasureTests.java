package dev.cxp.internal.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasures in {@link InMemoryVisitorSessionStore} and through the {@link SessionTracker}: no session outlives a
 * withdrawal (SPEC S12.5), while a page view decided after it is tracked as usual.
 */
class InMemoryStoreErasureTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final AtomicInteger sessionIds = new AtomicInteger();

	private final InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT,
			() -> "session-" + this.sessionIds.incrementAndGet(), this.clock, 1000, Long.MAX_VALUE);

	@Test
	void erasureLeavesNoSessionToFind() {
		view("visitor", "/", now());
		this.store.erase(List.of("visitor"), now());
		assertThat(this.store.find("visitor", now())).isNull();
	}

	@Test
	void pageViewDecidedAtOrBeforeTheErasureIsNotRecorded() {
		Instant decided = now();
		view("visitor", "/", decided);
		this.clock.advance(Duration.ofMillis(5));
		this.store.erase(List.of("visitor"), now());
		assertThat(view("visitor", "/late", decided)).isNull();
		assertThat(view("visitor", "/late", now())).as("decided at the instant of the erasure").isNull();
		assertThat(this.store.find("visitor", now())).isNull();
	}

	@Test
	void pageViewOfAVisitorWithoutSessionDecidedBeforeTheErasureIsNotRecorded() {
		Instant decided = now();
		this.clock.advance(Duration.ofMillis(1));
		this.store.erase(List.of("new-visitor"), now());
		assertThat(view("new-visitor", "/", decided)).isNull();
		assertThat(this.store.find("new-visitor", now())).isNull();
	}

	@Test
	void pageViewDecidedAfterTheErasureStartsANewSession() {
		String erased = view("visitor", "/", now()).session().id();
		this.store.erase(List.of("visitor"), now());
		this.clock.advance(Duration.ofNanos(1));
		TrackedPageView regranted = view("visitor", "/again", now());
		assertThat(regranted).isNotNull();
		assertThat(regranted.newSession()).isTrue();
		assertThat(regranted.session().id()).isNotEqualTo(erased);
		assertThat(regranted.session().previousPage()).isNull();
		assertThat(this.store.find("visitor", now())).isEqualTo(regranted.session());
	}

	@Test
	void pageViewFromBeforeTheErasureArrivingAfterANewSessionIsNotRecorded() {
		Instant beforeErasure = now();
		this.clock.advance(Duration.ofMillis(1));
		this.store.erase(List.of("visitor"), now());
		this.clock.advance(Duration.ofMillis(1));
		VisitSession regranted = view("visitor", "/again", now()).session();
		assertThat(view("visitor", "/stale", beforeErasure)).isNull();
		assertThat(this.store.find("visitor", now())).isEqualTo(regranted);
		assertThat(view("visitor", "/next", now()).session().previousPage()).isEqualTo("/again");
	}

	@Test
	void aLaterErasureIsNeverWoundBackByAnEarlierOne() {
		Instant early = now();
		this.clock.advance(Duration.ofMillis(10));
		Instant late = now();
		this.store.erase(List.of("visitor"), late);
		this.store.erase(List.of("visitor"), early);
		assertThat(view("visitor", "/", late)).isNull();
	}

	@Test
	void theMarkerOfAnErasureLivesForTheSessionTimeout() {
		this.store.erase(List.of("visitor"), now());
		assertThat(this.store.size()).isEqualTo(1);
		this.clock.advance(TIMEOUT.minusSeconds(1));
		this.store.cleanUp();
		assertThat(this.store.size()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(1));
		this.store.cleanUp();
		assertThat(this.store.size()).isZero();
	}

	@Test
	void erasureOfSeveralVisitorsErasesEach() {
		for (String visitor : List.of("a", "b", "c")) {
			view(visitor, "/", now());
		}
		this.store.erase(List.of("a", "b"), now());
		assertThat(this.store.find("a", now())).isNull();
		assertThat(this.store.find("b", now())).isNull();
		assertThat(this.store.find("c", now())).isNotNull();
	}

	@Test
	void trackerServesAPageViewDecidedBeforeTheErasureUntrackedWithoutAnEvent() {
		List<Object> events = new ArrayList<>();
		AtomicInteger pageViews = new AtomicInteger();
		SessionTracker tracker = new SessionTracker(this.store, this.clock, false, events::add,
				new CxpActivityListener() {

					@Override
					public void pageViewed() {
						pageViews.incrementAndGet();
					}

				});
		long decided = tracker.now().toEpochMilli();
		assertThat(tracker.forget(List.of("visitor"))).isTrue();
		assertThat(tracker.trackPageView("visitor", new RequestedPage("", "/", null), Instant.ofEpochMilli(decided))).isNull();
		assertThat(events).isEmpty();
		assertThat(pageViews).hasValue(0);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(tracker.trackPageView("visitor", new RequestedPage("", "/", null), tracker.now())).isNotNull();
		assertThat(events).hasSize(1);
		assertThat(pageViews).hasValue(1);
	}

	private TrackedPageView view(String visitor, String page, Instant decided) {
		return this.store.recordPageView(visitor, new PageVisit(page, decided));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
