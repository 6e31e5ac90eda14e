package dev.cxp.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;

/**
 * The default {@link VisitorSessionStore}: a Caffeine cache on this node whose entries expire when idle for
 * the session timeout (and a few seconds, see below), bounded both in entries and in bytes (the least valuable
 * entries are evicted first).
 * <p>
 * Both bounds are enforced by one weigher, since Caffeine takes either a maximum size or a maximum weight:
 * an entry weighs its estimated bytes, but never less than {@code maxBytes / maxEntries}. So the sum of the
 * weights, capped at {@code maxBytes}, bounds the bytes held, and the floor bounds the count at
 * {@code maxEntries}; whichever bound is reached first applies.
 * <p>
 * A page view is one {@code compute} of the cache's map, which locks only that visitor's entry: concurrent
 * page views of one visitor are applied one after the other, and never start two sessions. Entries expire five
 * seconds after the session timeout without access: the cache's access times are coarse, and the session
 * decides its own exact expiry.
 * <p>
 * An erasure leaves a marker in the visitor's entry with the instant of the erasure. A page view whose
 * timestamp is not after it is not recorded, and a later one starts a new session that keeps the marker's
 * instant, so that a page view from before the erasure that arrives even later is not recorded either. The
 * marker ages like a session entry: it is dropped after the session timeout without access, or evicted like
 * any entry when the store is full. The store holds the session policy: the timeout and the source of new
 * session ids.
 *
 * @since 0.1.0
 */
public class InMemoryVisitorSessionStore implements VisitorSessionStore {

	/**
	 * How much longer than its session the cache keeps an idle entry. The cache moves an entry's access time
	 * only when it moved by more than a tolerance (a second in Caffeine 3.2), and its ticker counts whole
	 * milliseconds, so it may count an entry's idle time from up to a second before the session's last page
	 * view.
	 */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(5);

	private final Cache<String, SessionEntry> cache;

	private final Duration timeout;

	private final Supplier<String> sessionIds;

	private final int minimumWeight;

	private final long maximumWeight;

	/**
	 * Create a store.
	 * @param timeout the idle time after which a session expires
	 * @param sessionIds the source of new session ids, asked only when a session starts
	 * @param clock the clock that ages the entries, the same the tracker uses
	 * @param maxEntries the most visitors held at once
	 * @param maxBytes the most bytes of heap the entries may hold, as estimated by
	 * {@link #estimatedBytes(String, VisitSession)}
	 */
	public InMemoryVisitorSessionStore(Duration timeout, Supplier<String> sessionIds, Clock clock, long maxEntries,
			long maxBytes) {
		if (maxEntries < 1 || maxBytes < 1) {
			throw new IllegalArgumentException("maxEntries and maxBytes must be positive");
		}
		this.timeout = timeout;
		this.sessionIds = sessionIds;
		this.minimumWeight = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBytes / maxEntries));
		this.maximumWeight = Math.min(maxBytes, maxEntries * (long) this.minimumWeight);
		this.cache = Caffeine.newBuilder()
			.maximumWeight(this.maximumWeight)
			.weigher(this::weigh)
			.expireAfterAccess(timeout.plus(EXPIRY_MARGIN))
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			// Evict on the writing thread, so the bound holds as entries are added, not some time later.
			.executor(Runnable::run)
			.build();
	}

	private int weigh(String visitorId, SessionEntry entry) {
		long bytes = (entry.session() != null) ? estimatedBytes(visitorId, entry.session())
				: WeighedSizes.ENTRY + WeighedSizes.string(visitorId);
		return (int) Math.min(Integer.MAX_VALUE, Math.max(this.minimumWeight, bytes));
	}

	/**
	 * The heap an entry holds, estimated from above for a 64-bit JVM with compressed references and compact
	 * strings: the cache's node and map slot, the entry and its session with its times, and every string of
	 * it, counted as if no string were shared with another entry.
	 * @param visitorId the entry's key
	 * @param session the entry's session
	 * @return the estimated bytes
	 */
	static long estimatedBytes(String visitorId, VisitSession session) {
		long bytes = WeighedSizes.ENTRY + WeighedSizes.string(visitorId) + WeighedSizes.string(session.id())
				+ WeighedSizes.string(session.currentPage());
		String previous = session.previousPage();
		return (previous != null) ? bytes + WeighedSizes.string(previous) : bytes;
	}

	@Override
	public @Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit) {
		TrackedPageView[] outcome = new TrackedPageView[1];
		this.cache.asMap().compute(visitorId, (id, entry) -> {
			if (entry != null && !visit.timestamp().isAfter(entry.erasedAt())) {
				return entry;
			}
			VisitSession current = (entry != null) ? entry.session() : null;
			TrackedPageView tracked = visit.applyTo(current, this.timeout, this.sessionIds);
			outcome[0] = tracked;
			// A new session keeps the instant of the visitor's erasure, for page views from before it
			return new SessionEntry(tracked.session(), (entry != null) ? entry.erasedAt() : Instant.MIN);
		});
		return outcome[0];
	}

	@Override
	public @Nullable VisitSession find(String visitorId, Instant now) {
		// Quietly: looking at a session is no page view and does not keep its entry
		SessionEntry entry = this.cache.policy().getIfPresentQuietly(visitorId);
		VisitSession session = (entry != null) ? entry.session() : null;
		return (session == null || session.isExpiredAt(now)) ? null : session;
	}

	@Override
	public void remove(String visitorId) {
		this.cache.invalidate(visitorId);
	}

	/**
	 * Erase the visitors' sessions and leave in each visitor's entry a marker of the erasure, so that no page
	 * view whose timestamp is not after {@code erasedAt} is recorded for the session timeout. Each visitor is one
	 * update of the map, under the lock of that visitor's entry.
	 * @param visitorIds the visitor ids
	 * @param erasedAt the instant of the erasure
	 */
	@Override
	public void erase(List<String> visitorIds, Instant erasedAt) {
		for (String visitorId : visitorIds) {
			this.cache.asMap()
				.compute(visitorId, (id, entry) -> new SessionEntry(null,
						(entry != null && entry.erasedAt().isAfter(erasedAt)) ? entry.erasedAt() : erasedAt));
		}
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
	 * The sum of the weights of the entries held, which bounds the bytes they hold.
	 * @return the weighted size
	 */
	public long weightedSize() {
		return this.cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
	}

	/**
	 * The largest weighted size the store keeps: the byte bound, lowered where the entry bound is tighter.
	 * @return the maximum weight
	 */
	public long maximumWeight() {
		return this.maximumWeight;
	}

	/**
	 * Run pending evictions and expirations now, rather than on later writes.
	 */
	public void cleanUp() {
		this.cache.cleanUp();
	}

	/**
	 * The cache's value: the visitor's session, or none after an erasure, and the instant of the visitor's
	 * latest erasure ({@link Instant#MIN} when never erased while the entry lived).
	 */
	private record SessionEntry(@Nullable VisitSession session, Instant erasedAt) {
	}

	/**
	 * Byte sizes of what an entry holds.
	 */
	private static final class WeighedSizes {

		/**
		 * The cache's node with its expiry and weight fields, its map node and table slot, its share of the
		 * frequency sketch, the entry, and the session with its three instants.
		 */
		static final long ENTRY = 300;

		private static final long STRING = 24;

		private static final long ARRAY_HEADER = 16;

		private WeighedSizes() {
		}

		static long string(String value) {
			int length = value.length();
			long bytesPerChar = 1;
			for (int i = 0; i < length; i++) {
				if (value.charAt(i) > 0xFF) {
					bytesPerChar = 2;
					break;
				}
			}
			return STRING + align(ARRAY_HEADER + length * bytesPerChar);
		}

		private static long align(long bytes) {
			return (bytes + 7) & ~7L;
		}

	}

}
