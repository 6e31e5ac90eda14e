package dev.cxp.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

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
 * A page view of a live session that stays within the floor weight is a read of the cache and one
 * compare-and-set on the entry, without a lock: entries expire five seconds after the session timeout without
 * access, which is the session's own sliding rule with a margin for the cache's coarse access times, and the
 * session decides its exact expiry. A page view that
 * starts a session, or makes one heavier than the floor, is the cache map's {@code compute}, which locks
 * only that visitor's entry and re-weighs it; the entry it replaces is retired, so that no update is
 * applied to an entry the cache no longer holds. A page view racing a plain removal of its entry
 * ({@link #remove(String)}, an eviction) may slide the removed entry: it is then lost, as if the removal had
 * come after it. The store holds the session policy: the timeout and the source of new session ids.
 * <p>
 * An erasure leaves a marker in the visitor's entry with the instant of the erasure, which retires the entry
 * it replaces under the map's lock, so that no page view slides the erased session afterwards. A page view
 * whose timestamp is not after the marker's instant is not recorded, and a later one starts a new session that
 * keeps the marker's instant, so that a page view from before the erasure that arrives even later is not
 * recorded either. The marker ages like a session entry: it is dropped after the session timeout without
 * access, or evicted like any entry when the store is full.
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

	private final ConcurrentMap<String, SessionEntry> sessions;

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
	 * @since 0.2.0
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
			// Weighed as the map's compute stores it, before any page view can slide it
			.weigher((String visitorId, SessionEntry entry) -> weigh(visitorId, entry.session))
			// Access, not write: a page view of a live session only reads the cache. The session decides its exact
			// expiry; the cache keeps the entry a margin longer, so that it never drops a live session
			.expireAfterAccess(timeout.plus(EXPIRY_MARGIN))
			.ticker(clockTicker(clock))
			// Evict on the writing thread, so the bound holds as entries are added, not some time later.
			.executor(Runnable::run)
			.build();
		this.sessions = this.cache.asMap();
	}

	private static Ticker clockTicker(Clock clock) {
		// Clock.millis() rather than instant(): the system clock reads it without allocating an Instant
		return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
	}

	private int weigh(String visitorId, VisitSession session) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(this.minimumWeight, estimatedBytes(visitorId, session)));
	}

	/**
	 * The heap an entry holds, estimated from above for a 64-bit JVM with compressed references and compact
	 * strings: the cache's node and map slot, the session with its times, and every string of it,
	 * counted as if no string were shared with another entry.
	 * @param visitorId the entry's key
	 * @param session the entry's value
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
		SessionEntry entry = this.cache.getIfPresent(visitorId);
		if (entry != null) {
			TrackedPageView slid = slide(visitorId, entry, visit);
			if (slid != null) {
				return (slid != REFUSED) ? slid : null;
			}
		}
		PageViewUpdate update = new PageViewUpdate(visit);
		this.sessions.compute(visitorId, update);
		TrackedPageView outcome = update.outcome;
		if (outcome == null) {
			throw new IllegalStateException("The session map did not apply the page view");
		}
		return (outcome != REFUSED) ? outcome : null;
	}

	/**
	 * Slide a live session in place, the common case.
	 * @return the page view applied, {@link #REFUSED} when the visitor was erased at or after the page view, or
	 * {@code null} when it needs the map's {@code compute}: the session expired, was erased or retired, or would
	 * outweigh the floor
	 */
	private @Nullable TrackedPageView slide(String visitorId, SessionEntry entry, PageVisit visit) {
		long now = VisitSession.epochNanos(visit.timestamp());
		if (now <= entry.erasedAt) {
			return REFUSED;
		}
		while (true) {
			VisitSession current = entry.session;
			if (!entry.holdsSession(current) || current.isExpiredAt(now)) {
				return null;
			}
			TrackedPageView tracked = visit.applyTo(current, this.timeout, this.sessionIds);
			if (!withinFloor(visitorId, tracked.session())) {
				return null;
			}
			if (entry.replace(current, tracked.session())) {
				return tracked;
			}
		}
	}

	/**
	 * Whether a session weighs no more than the floor, the least weight the cache gave its entry, so that it
	 * may replace the entry's session without the cache weighing it again.
	 */
	private boolean withinFloor(String visitorId, VisitSession session) {
		// From above, two bytes per character, before counting exactly
		long characters = visitorId.length() + session.id().length() + session.currentPage().length()
				+ ((session.previousPage() != null) ? session.previousPage().length() : 0);
		long bound = WeighedSizes.ENTRY + 4 * (WeighedSizes.STRING + WeighedSizes.ARRAY_HEADER + 8) + 2 * characters;
		return bound <= this.minimumWeight || estimatedBytes(visitorId, session) <= this.minimumWeight;
	}

	@Override
	public @Nullable VisitSession find(String visitorId, Instant now) {
		// Quietly: looking at a session is no page view and does not keep its entry
		SessionEntry entry = this.cache.policy().getIfPresentQuietly(visitorId);
		VisitSession session = (entry != null) ? entry.session : null;
		return (session == null || !entry.holdsSession(session) || session.isExpiredAt(now)) ? null : session;
	}

	@Override
	public void remove(String visitorId) {
		this.sessions.remove(visitorId);
	}

	/**
	 * Erase the visitors' sessions and leave in each visitor's entry a marker of the erasure, so that no page
	 * view whose timestamp is not after {@code erasedAt} is recorded for the session timeout. Each visitor is one
	 * update of the map, under the lock of that visitor's entry.
	 * @param visitorIds the visitor ids
	 * @param erasedAt the instant of the erasure
	 * @since 0.3.0
	 */
	@Override
	public void erase(List<String> visitorIds, Instant erasedAt) {
		long erasedAtNanos = VisitSession.epochNanos(erasedAt);
		for (String visitorId : visitorIds) {
			this.sessions.compute(visitorId, (key, entry) -> {
				if (entry == null) {
					return SessionEntry.erased(erasedAtNanos);
				}
				entry.retire();
				return SessionEntry.erased(Math.max(erasedAtNanos, entry.erasedAt));
			});
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
	 * @since 0.2.0
	 */
	public long weightedSize() {
		return this.cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
	}

	/**
	 * The largest weighted size the store keeps: the byte bound, lowered where the entry bound is tighter.
	 * @return the maximum weight
	 * @since 0.2.0
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
	 * The outcome of a page view that was not recorded, because the visitor was erased at or after it.
	 */
	private static final TrackedPageView REFUSED = new TrackedPageView(SessionEntry.ERASED, false);

	/**
	 * One page view's update of the session map: the remapping function and, after it ran, its outcome. One
	 * object per page view, where a capturing lambda would need a second one to carry the outcome out.
	 */
	private final class PageViewUpdate implements BiFunction<String, @Nullable SessionEntry, SessionEntry> {

		private final PageVisit visit;

		private @Nullable TrackedPageView outcome;

		PageViewUpdate(PageVisit visit) {
			this.visit = visit;
		}

		@Override
		public SessionEntry apply(String visitorId, @Nullable SessionEntry entry) {
			if (entry == null) {
				TrackedPageView tracked = apply(null);
				this.outcome = tracked;
				return new SessionEntry(tracked.session(), SessionEntry.NEVER_ERASED);
			}
			if (VisitSession.epochNanos(this.visit.timestamp()) <= entry.erasedAt) {
				this.outcome = REFUSED;
				return entry;
			}
			while (true) {
				VisitSession current = entry.session;
				boolean live = entry.holdsSession(current);
				TrackedPageView tracked = apply(live ? current : null);
				// Retired only once the update is made, so that a failing session id source leaves the entry
				// as it was; a page view that slid it meanwhile is read again
				if (!live || entry.replace(current, SessionEntry.RETIRED)) {
					this.outcome = tracked;
					// A new session keeps the instant of the visitor's erasure, for page views from before it
					return new SessionEntry(tracked.session(), entry.erasedAt);
				}
			}
		}

		private TrackedPageView apply(@Nullable VisitSession current) {
			return this.visit.applyTo(current, InMemoryVisitorSessionStore.this.timeout,
					InMemoryVisitorSessionStore.this.sessionIds);
		}

	}

	/**
	 * The cache's value: the visitor's session, replaced in place on a page view, and the instant of the
	 * visitor's latest erasure, if any. The cache weighs the entry by the session it was stored with; a session
	 * that would weigh more than the floor is stored in a new entry.
	 */
	private static final class SessionEntry {

		/**
		 * Marks an entry the map's {@code compute} has replaced: no page view may slide it any more.
		 */
		static final VisitSession RETIRED = new VisitSession("", 0, 0, 0, null, "");

		/**
		 * The session of an entry that marks an erasure: there is no session.
		 */
		static final VisitSession ERASED = new VisitSession("", 0, 0, 0, null, "");

		/**
		 * The erasure instant of a visitor never erased while the entry lived: before every page view.
		 */
		static final long NEVER_ERASED = Long.MIN_VALUE;

		private static final VarHandle SESSION;

		static {
			try {
				SESSION = MethodHandles.lookup().findVarHandle(SessionEntry.class, "session", VisitSession.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		volatile VisitSession session;

		/**
		 * When the visitor was last erased, in nanoseconds since the epoch: no page view at or before it is
		 * recorded.
		 */
		final long erasedAt;

		SessionEntry(VisitSession session, long erasedAt) {
			this.session = session;
			this.erasedAt = erasedAt;
		}

		static SessionEntry erased(long erasedAt) {
			return new SessionEntry(ERASED, erasedAt);
		}

		/**
		 * Whether a session read from this entry is a session, rather than a mark of retirement or erasure.
		 */
		boolean holdsSession(VisitSession session) {
			return session != RETIRED && session != ERASED;
		}

		boolean replace(VisitSession expected, VisitSession replacement) {
			return SESSION.compareAndSet(this, expected, replacement);
		}

		/**
		 * Retire this entry, replaced by the map's {@code compute}: a page view sliding it concurrently either
		 * lands first, and is then replaced with the entry, or fails and is read again.
		 */
		void retire() {
			this.session = RETIRED;
		}

	}

	/**
	 * Byte sizes of what an entry holds.
	 */
	private static final class WeighedSizes {

		/**
		 * The cache's node with its expiry and weight fields, its map node and table slot, its share of the
		 * frequency sketch, and the session object with its times (no instants).
		 */
		static final long ENTRY = 200;

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
