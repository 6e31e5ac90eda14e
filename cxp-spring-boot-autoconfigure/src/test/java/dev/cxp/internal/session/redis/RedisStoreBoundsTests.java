package dev.cxp.internal.session.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.visitor.VisitorIds;
import dev.cxp.session.PageVisit;
import dev.cxp.session.redis.RedisServerExtension;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a flood of forged visitor ids costs in Redis (keys times time to live times size), and the bound on the
 * pages stored.
 */
class RedisStoreBoundsTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	/**
	 * A bound on the cost of one worst-case session key: a forged id of 128 characters with two pages of
	 * 2048 characters measures about 6 KB with Redis 7.0 (4.3 KB of data, the rest allocator and hash
	 * overhead).
	 */
	private static final long WORST_CASE_KEY_BYTES = 7 * 1024;

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final AtomicInteger sessionIds = new AtomicInteger();

	private LettuceConnectionFactory application;

	private SessionStoreRedisConnections connections;

	@BeforeEach
	void connect() {
		redis.command("FLUSHALL");
		this.application = new LettuceConnectionFactory("127.0.0.1", redis.port());
		this.application.afterPropertiesSet();
		this.application.start();
		this.connections = SessionStoreRedisConnections.to(this.application, Duration.ofSeconds(2),
				Duration.ofSeconds(2));
	}

	@AfterEach
	void close() throws Exception {
		this.connections.destroy();
		this.application.destroy();
	}

	@Test
	void floodOfForgedIdsCostsKeysTimesTimeToLiveTimesSize() {
		RedisVisitorSessionStore store = store(SessionTracker.MAX_PAGE_LENGTH);
		int visitors = 2_000;
		long perKey = bytesPerKey(store, visitors, SessionTracker.MAX_PAGE_LENGTH);
		assertThat(perKey).isBetween(2L * SessionTracker.MAX_PAGE_LENGTH, WORST_CASE_KEY_BYTES);
		// Every key lives for the session timeout at most, then Redis drops it.
		long ttl = Long.parseLong(redis.command("PTTL cxp:session:" + forgedId(0)).substring(1));
		assertThat(ttl).isPositive().isLessThanOrEqualTo(TIMEOUT.toMillis());
		assertThat(redis.command("DBSIZE")).isEqualTo(":" + visitors);
	}

	@Test
	void maxPageLengthBoundsTheCostOfAKey() {
		long full = bytesPerKey(store(SessionTracker.MAX_PAGE_LENGTH), 1_000, SessionTracker.MAX_PAGE_LENGTH);
		redis.command("FLUSHALL");
		long bounded = bytesPerKey(store(256), 1_000, SessionTracker.MAX_PAGE_LENGTH);
		assertThat(bounded).isLessThan(full / 4);
		String page = redis.command("HGET cxp:session:" + forgedId(0) + " page");
		String previous = redis.command("HGET cxp:session:" + forgedId(0) + " previous");
		assertThat(page).hasSize(256).startsWith("/b");
		assertThat(previous).hasSize(256).startsWith("/a");
	}

	@Test
	void pagesAreCutWithoutSplittingACharacter() {
		RedisVisitorSessionStore store = store(4);
		String page = store.recordPageView("visitor", new PageVisit("/ab\uD83D\uDE00", this.clock.instant()))
			.session()
			.currentPage();
		assertThat(page).isEqualTo("/ab");
	}

	private long bytesPerKey(RedisVisitorSessionStore store, int visitors, int pageLength) {
		String pageA = "/a" + "x".repeat(pageLength - 2);
		String pageB = "/b" + "y".repeat(pageLength - 2);
		long before = redis.info("memory", "used_memory");
		for (int i = 0; i < visitors; i++) {
			store.recordPageView(forgedId(i), new PageVisit(pageA, this.clock.instant()));
			store.recordPageView(forgedId(i), new PageVisit(pageB, this.clock.instant()));
		}
		return (redis.info("memory", "used_memory") - before) / visitors;
	}

	private RedisVisitorSessionStore store(int maxPageLength) {
		return new RedisVisitorSessionStore(this.connections, "cxp:session:", TIMEOUT,
				() -> "session-" + this.sessionIds.incrementAndGet(), maxPageLength, this.clock, Duration.ofSeconds(30));
	}

	private static String forgedId(int i) {
		String prefix = Integer.toString(i);
		return prefix + "f".repeat(VisitorIds.MAX_LENGTH - prefix.length());
	}

}
