package dev.cxp.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link VisitorSessionStore}: a Caffeine cache on this node, bounded to a maximum number of
 * visitors (the least valuable are evicted first) whose entries expire when idle for the session timeout.
 * The atomic read-modify-write of a page view is the cache map's {@code compute}, which locks only that
 * visitor's entry.
 *
 * @since 0.1.0
 */
public class InMemoryVisitorSessionStore implements VisitorSessionStore {

	private final Cache<String, VisitSession> cache;

	private final ConcurrentMap<String, VisitSession> sessions;

	/**
	 * Create a store.
	 * @param maxEntries the most visitors held at once
	 * @param timeout the idle time after which a session expires
	 * @param clock the clock that ages the entries, the same the tracker uses
	 */
	public InMemoryVisitorSessionStore(long maxEntries, Duration timeout, Clock clock) {
		this.cache = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.expireAfterWrite(timeout)
			.ticker(clockTicker(clock))
			// Evict on the writing thread, so the bound holds as entries are added, not some time later.
			.executor(Runnable::run)
			.build();
		this.sessions = this.cache.asMap();
	}

	private static Ticker clockTicker(Clock clock) {
		return () -> {
			Instant now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		};
	}

	@Override
	public TrackedPageView recordPageView(String visitorId, PageVisit visit) {
		TrackedPageView[] outcome = new TrackedPageView[1];
		this.sessions.compute(visitorId, (id, current) -> {
			outcome[0] = visit.applyTo(current);
			return outcome[0].session();
		});
		return outcome[0];
	}

	@Override
	public @Nullable VisitSession find(String visitorId, Instant now) {
		VisitSession session = this.sessions.get(visitorId);
		return (session == null || session.isExpiredAt(now)) ? null : session;
	}

	@Override
	public void remove(String visitorId) {
		this.sessions.remove(visitorId);
	}

	@Override
	public long size() {
		return this.cache.estimatedSize();
	}

	@Override
	public String type() {
		return "memory";
	}

	/**
	 * Run pending evictions and expirations now, rather than on later writes.
	 */
	public void cleanUp() {
		this.cache.cleanUp();
	}

}
