package dev.cxp.internal.session.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.redis.RedisServerExtension;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisVisitorSessionStore} against a real Redis.
 */
class RedisVisitorSessionStoreTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

	private static final String VISITOR = "0123456789abcdef0123456789abcdef";

	private static final String KEY = "cxp:session:" + VISITOR;

	private final MutableClock clock = new MutableClock(T0);

	private final AtomicInteger sessionIds = new AtomicInteger();

	private LettuceConnectionFactory application;

	private SessionStoreRedisConnections connections;

	private RedisVisitorSessionStore store;

	@BeforeEach
	void createStore() {
		redis.command("FLUSHALL");
		this.application = new LettuceConnectionFactory("127.0.0.1", redis.port());
		this.application.afterPropertiesSet();
		this.application.start();
		// Generous here, where the timeout is not what is tested: the build machine may be busy.
		this.connections = SessionStoreRedisConnections.to(this.application, Duration.ofSeconds(2),
				Duration.ofSeconds(2));
		this.store = store(this.connections, TIMEOUT);
	}

	@AfterEach
	void closeConnections() throws Exception {
		this.store.destroy();
		this.connections.destroy();
		this.application.destroy();
	}

	@Test
	void firstPageViewStartsSessionWithoutPreviousPage() {
		TrackedPageView tracked = view("/", T0);
		assertThat(tracked.newSession()).isTrue();
		VisitSession session = tracked.session();
		assertThat(session.id()).isEqualTo("session-1");
		assertThat(session.startedAt()).isEqualTo(T0);
		assertThat(session.lastSeenAt()).isEqualTo(T0);
		assertThat(session.expiresAt()).isEqualTo(T0.plus(TIMEOUT));
		assertThat(session.previousPage()).isNull();
		assertThat(session.currentPage()).isEqualTo("/");
		assertThat(this.store.find(VISITOR, T0)).isEqualTo(session);
	}

	@Test
	void keyLivesForTheSessionTimeout() {
		view("/", T0);
		assertThat(pttl()).isBetween(TIMEOUT.minusSeconds(5).toMillis(), TIMEOUT.toMillis());
		view("/about", T0.plus(Duration.ofMinutes(20)));
		assertThat(pttl()).as("slid from the latest page view")
			.isBetween(TIMEOUT.minusSeconds(5).toMillis(), TIMEOUT.toMillis());
	}

	@Test
	void idleSessionKeyDisappears() {
		store(this.connections, Duration.ofMillis(300)).recordPageView(VISITOR, new PageVisit("/", Instant.now()));
		assertThat(redis.command("EXISTS " + KEY)).isEqualTo(":1");
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> ":0".equals(redis.command("EXISTS " + KEY)));
	}

	@Test
	void pageViewSlidesSessionAndRecordsPreviousPage() {
		VisitSession first = view("/", T0).session();
		TrackedPageView second = view("/about", T0.plus(Duration.ofMinutes(10)));
		assertThat(second.newSession()).isFalse();
		VisitSession session = second.session();
		assertThat(session.id()).isEqualTo(first.id());
		assertThat(session.startedAt()).isEqualTo(T0);
		assertThat(session.lastSeenAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(session.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
		assertThat(session.previousPage()).isEqualTo("/");
		assertThat(session.currentPage()).isEqualTo("/about");
		assertThat(this.sessionIds).as("ids asked for").hasValue(2);
	}

	@Test
	void previousPageFollowsThePageSequence() {
		String[] pages = { "/", "/about", "/products?id=7", "/about", "/checkout" };
		Instant now = T0;
		for (int i = 0; i < pages.length; i++) {
			VisitSession session = view(pages[i], now).session();
			assertThat(session.previousPage()).isEqualTo((i == 0) ? null : pages[i - 1]);
			assertThat(session.currentPage()).isEqualTo(pages[i]);
			now = now.plus(Duration.ofMinutes(29));
		}
		VisitSession found = this.store.find(VISITOR, now);
		assertThat(found).isNotNull();
		assertThat(found.previousPage()).isEqualTo("/about");
		assertThat(found.startedAt()).isEqualTo(T0);
	}

	@Test
	void sessionEndsExactlyAtItsExpiry() {
		VisitSession first = view("/", T0).session();
		Instant expiry = T0.plus(TIMEOUT);
		assertThat(this.store.find(VISITOR, expiry.minusMillis(1))).isNotNull();
		assertThat(this.store.find(VISITOR, expiry)).isNull();
		TrackedPageView after = view("/about", expiry);
		assertThat(after.newSession()).isTrue();
		assertThat(after.session().id()).isNotEqualTo(first.id());
		assertThat(after.session().previousPage()).isNull();
		assertThat(after.session().startedAt()).isEqualTo(expiry);
	}

	@Test
	void pageViewJustBeforeExpiryKeepsSession() {
		VisitSession first = view("/", T0).session();
		TrackedPageView next = view("/about", T0.plus(TIMEOUT).minusMillis(1));
		assertThat(next.newSession()).isFalse();
		assertThat(next.session().id()).isEqualTo(first.id());
	}

	@Test
	void lateArrivingPageViewNeverMovesTimeBack() {
		view("/", T0);
		view("/a", T0.plus(Duration.ofMinutes(10)));
		VisitSession late = view("/b", T0.plus(Duration.ofMinutes(5))).session();
		assertThat(late.lastSeenAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(late.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
		assertThat(late.previousPage()).isEqualTo("/a");
	}

	@Test
	void removeErasesTheKey() {
		view("/", T0);
		this.store.remove(VISITOR);
		assertThat(redis.command("EXISTS " + KEY)).isEqualTo(":0");
		assertThat(this.store.find(VISITOR, T0)).isNull();
		assertThat(view("/about", T0).newSession()).isTrue();
	}

	@Test
	void removeOfUnknownVisitorDoesNothing() {
		this.store.remove("unknown");
		assertThat(this.store.find("unknown", T0)).isNull();
	}

	@Test
	void unreadableValueIsReplacedByNewSession() {
		redis.command("HSET " + KEY + " id broken expires soon");
		assertThat(this.store.find(VISITOR, T0)).isNull();
		TrackedPageView tracked = view("/", T0);
		assertThat(tracked.newSession()).isTrue();
		assertThat(tracked.session().previousPage()).isNull();
	}

	@Test
	void sizeIsTheLastCountTakenInTheBackgroundAndReadingItSendsNothing() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.store.recordPageView("visitor" + i, visit("/", T0));
		}
		redis.command("SET other:key 1");
		RedisVisitorSessionStore counted = store(this.connections, TIMEOUT, Duration.ofHours(1));
		try {
			counted.afterPropertiesSet();
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> counted.size() == 3);
			counted.recordPageView("visitor3", visit("/", T0));
			List<String> commands = redis.clientCommands(() -> {
				for (int i = 0; i < 100; i++) {
					assertThat(counted.size()).as("the count of start-up, until the interval has passed").isEqualTo(3);
				}
			});
			assertThat(commands).isEmpty();
		}
		finally {
			counted.destroy();
		}
	}

	@Test
	void sizeIsCountedAgainEachIntervalAndIncludesTheMarkersOfErasures() {
		RedisVisitorSessionStore counted = store(this.connections, TIMEOUT, Duration.ofMillis(50));
		try {
			counted.recordPageView("visitor0", visit("/", T0));
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> counted.size() == 1);
			counted.recordPageView("visitor1", visit("/", T0));
			counted.erase(List.of("visitor2"), T0);
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> counted.size() == 3);
		}
		finally {
			counted.destroy();
		}
	}

	@Test
	void sizeAnswersAtOnceWhileRedisStalls() throws Exception {
		RedisVisitorSessionStore counted = store(this.connections, TIMEOUT, Duration.ofMillis(50));
		try {
			counted.recordPageView("visitor0", visit("/", T0));
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> counted.size() == 1);
			redis.suspend();
			try {
				long start = System.nanoTime();
				for (int i = 0; i < 100; i++) {
					assertThat(counted.size()).isOne();
				}
				// Far below the 2 s a single command would wait for the stalled server
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
			}
			finally {
				redis.resume();
			}
		}
		finally {
			counted.destroy();
		}
	}

	@Test
	void erasureLeavesOnlyAMarkerOfItsInstantForTheSessionTimeout() {
		view("/", T0);
		this.store.erase(List.of(VISITOR), T0.plusSeconds(1));
		assertThat(redis.command("HLEN " + KEY)).isEqualTo(":1");
		assertThat(redis.command("HGET " + KEY + " erased")).isEqualTo(Long.toString(T0.plusSeconds(1).toEpochMilli()));
		assertThat(pttl()).isBetween(TIMEOUT.minusSeconds(5).toMillis(), TIMEOUT.toMillis());
		assertThat(this.store.find(VISITOR, T0.plusSeconds(1))).isNull();
	}

	@Test
	void pageViewDecidedAtOrBeforeTheErasureIsNotRecorded() {
		view("/", T0);
		this.store.erase(List.of(VISITOR), T0.plusSeconds(1));
		assertThat(view("/late", T0)).isNull();
		assertThat(view("/late", T0.plusSeconds(1))).as("decided at the instant of the erasure").isNull();
		assertThat(redis.command("HEXISTS " + KEY + " id")).isEqualTo(":0");
		assertThat(this.store.find(VISITOR, T0.plusSeconds(1))).isNull();
	}

	@Test
	void pageViewDecidedAfterTheErasureStartsANewSessionThatKeepsTheMarker() {
		String erased = view("/", T0).session().id();
		this.store.erase(List.of(VISITOR), T0);
		TrackedPageView regranted = view("/again", T0.plusMillis(1));
		assertThat(regranted.newSession()).isTrue();
		assertThat(regranted.session().id()).isNotEqualTo(erased);
		assertThat(regranted.session().previousPage()).isNull();
		assertThat(view("/stale", T0)).as("decided before the erasure, arriving after the new session").isNull();
		assertThat(this.store.find(VISITOR, T0.plusMillis(1))).isEqualTo(regranted.session());
		assertThat(view("/next", T0.plusMillis(2)).session().previousPage()).isEqualTo("/again");
	}

	@Test
	void aLaterErasureIsNeverWoundBackByAnEarlierOne() {
		this.store.erase(List.of(VISITOR), T0.plusSeconds(10));
		this.store.erase(List.of(VISITOR), T0);
		assertThat(view("/", T0.plusSeconds(10))).isNull();
	}

	@Test
	void erasureReplacesAKeyOfAnotherType() {
		redis.command("SET " + KEY + " junk");
		this.store.erase(List.of(VISITOR), T0);
		assertThat(redis.command("HGET " + KEY + " erased")).isEqualTo(Long.toString(T0.toEpochMilli()));
	}

	@Test
	void erasureOfSeveralVisitorsIsOneSingleKeyCallPerVisitor() throws Exception {
		List<String> visitors = List.of("visitor-a", "visitor-b", "visitor-c", "visitor-d");
		for (String visitor : visitors) {
			this.store.recordPageView(visitor, visit("/", T0));
		}
		List<String> commands = redis.clientCommands(() -> this.store.erase(visitors, T0));
		assertThat(commands).hasSize(4)
			.allSatisfy((command) -> assertThat(command).startsWithIgnoringCase("\"eval\"")
				.contains(" \"1\" \"cxp:session:visitor-"));
		for (String visitor : visitors) {
			assertThat(redis.command("HEXISTS cxp:session:" + visitor + " erased")).isEqualTo(":1");
			assertThat(this.store.find(visitor, T0)).isNull();
		}
	}

	@Test
	void erasureOfSeveralVisitorsWaitsOnceForAStalledRedis() throws Exception {
		// Long enough that the overhead of a busy build machine stays well under it
		Duration commandTimeout = Duration.ofMillis(500);
		SessionStoreRedisConnections bounded = SessionStoreRedisConnections.to(this.application, commandTimeout,
				Duration.ofSeconds(2));
		RedisVisitorSessionStore fast = store(bounded, TIMEOUT);
		List<String> visitors = List.of("visitor-a", "visitor-b", "visitor-c", "visitor-d");
		try {
			fast.recordPageView("visitor-a", visit("/", T0));
			Duration waited;
			redis.suspend();
			try {
				long start = System.nanoTime();
				assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> fast.erase(visitors, T0));
				waited = Duration.ofNanos(System.nanoTime() - start);
			}
			finally {
				redis.resume();
			}
			// One wait for all four; one each would take four times the timeout
			assertThat(waited).isGreaterThanOrEqualTo(commandTimeout).isLessThan(commandTimeout.multipliedBy(2));
			// The calls were sent before the wait: Redis runs them once it goes on
			for (String visitor : visitors) {
				await().atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> ":1".equals(redis.command("HEXISTS cxp:session:" + visitor + " erased")));
			}
		}
		finally {
			fast.destroy();
			bounded.destroy();
		}
	}

	@Test
	void erasureThroughAConnectionFactoryOtherThanLettucesIsOnePipeline() throws Exception {
		SessionStoreRedisConnections other = SessionStoreRedisConnections
			.to(new NotLettuceConnectionFactory(this.application), Duration.ofSeconds(2), Duration.ofSeconds(2));
		RedisVisitorSessionStore store = store(other, TIMEOUT);
		try {
			List<String> visitors = List.of("visitor-a", "visitor-b", "visitor-c");
			for (String visitor : visitors) {
				store.recordPageView(visitor, visit("/", T0));
			}
			List<String> commands = redis.clientCommands(() -> store.erase(visitors, T0));
			assertThat(commands).filteredOn((command) -> command.toLowerCase(Locale.ROOT).startsWith("\"eval\""))
				.hasSize(3);
			for (String visitor : visitors) {
				assertThat(redis.command("HEXISTS cxp:session:" + visitor + " erased")).isEqualTo(":1");
				assertThat(store.find(visitor, T0)).isNull();
			}
		}
		finally {
			store.destroy();
			other.destroy();
		}
	}

	@Test
	void pageViewIsOneRoundTripOfOneCommand() throws Exception {
		view("/", T0);
		int pageViews = 50;
		List<String> commands = redis.clientCommands(() -> {
			for (int i = 0; i < pageViews; i++) {
				view("/page" + i, T0.plusSeconds(i));
			}
		});
		assertThat(commands).hasSize(pageViews)
			.allSatisfy((command) -> assertThat(command).startsWithIgnoringCase("\"evalsha\""));
	}

	@Test
	void commandsAreBoundedByTheTimeoutWhenRedisStalls() throws Exception {
		SessionStoreRedisConnections bounded = SessionStoreRedisConnections.to(this.application,
				Duration.ofMillis(100), Duration.ofSeconds(2));
		try {
			RedisVisitorSessionStore fast = store(bounded, TIMEOUT);
			fast.recordPageView(VISITOR, visit("/", T0));
			// Scripts may write, so a pause of writes holds the page view's script.
			assertThat(redis.command("CLIENT PAUSE 3000 WRITE")).isEqualTo("+OK");
			Duration waited;
			try {
				long start = System.nanoTime();
				assertThatExceptionOfType(DataAccessException.class)
					.isThrownBy(() -> fast.recordPageView(VISITOR, visit("/about", T0)));
				waited = Duration.ofNanos(System.nanoTime() - start);
			}
			finally {
				redis.command("CLIENT UNPAUSE");
			}
			assertThat(waited).isLessThan(Duration.ofMillis(1000));
		}
		finally {
			bounded.destroy();
		}
	}

	@Test
	void unreachableRedisFailsFast() throws Exception {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory("127.0.0.1", 1);
		nowhere.afterPropertiesSet();
		nowhere.start();
		SessionStoreRedisConnections bounded = SessionStoreRedisConnections.to(nowhere, Duration.ofMillis(100),
				Duration.ofMillis(100));
		try {
			RedisVisitorSessionStore down = store(bounded, TIMEOUT);
			long start = System.nanoTime();
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> down.recordPageView(VISITOR, visit("/", T0)));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		}
		finally {
			bounded.destroy();
			nowhere.destroy();
		}
	}

	private TrackedPageView view(String page, Instant at) {
		return this.store.recordPageView(VISITOR, visit(page, at));
	}

	private PageVisit visit(String page, Instant at) {
		return new PageVisit(page, at);
	}

	private RedisVisitorSessionStore store(SessionStoreRedisConnections connections, Duration timeout) {
		return store(connections, timeout, Duration.ofSeconds(30));
	}

	private RedisVisitorSessionStore store(SessionStoreRedisConnections connections, Duration timeout,
			Duration countInterval) {
		return new RedisVisitorSessionStore(connections, "cxp:session:", timeout,
				() -> "session-" + this.sessionIds.incrementAndGet(), 2048, this.clock, countInterval);
	}

	private long pttl() {
		return Long.parseLong(redis.command("PTTL " + KEY).substring(1));
	}

}
