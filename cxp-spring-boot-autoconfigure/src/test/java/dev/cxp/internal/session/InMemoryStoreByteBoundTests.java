package dev.cxp.internal.session;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.visitor.VisitorIds;
import dev.cxp.session.PageVisit;
import dev.cxp.session.VisitSession;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory store's bound in bytes, which holds against forged visitor ids of the longest valid length
 * with two pages of the longest recorded length each, where a bound in entries alone would not.
 */
class InMemoryStoreByteBoundTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	/**
	 * The default of {@code cxp.session.max-memory}.
	 */
	private static final long DEFAULT_MAX_BYTES = DataSize.ofMegabytes(48).toBytes();

	/**
	 * The default of {@code cxp.session.max-entries}.
	 */
	private static final long DEFAULT_MAX_ENTRIES = 100_000;

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final SecureIdGenerator ids = new SecureIdGenerator();

	@Test
	void worstCaseEntriesStayWithinTheDefaultByteBound() {
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, this.ids::sessionId, this.clock,
				DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long heapBefore = usedHeapAfterGc(memory);
		String pageA = "/a" + "x".repeat(SessionTracker.MAX_PAGE_LENGTH - 2);
		String pageB = "/b" + "y".repeat(SessionTracker.MAX_PAGE_LENGTH - 2);
		long largest = 0;
		int visitors = 40_000;
		for (int i = 0; i < visitors; i++) {
			String visitorId = forgedId(i);
			// Distinct copies, as each request brings its own: nothing is shared between entries.
			store.recordPageView(visitorId, new PageVisit(copy(pageA), this.clock.instant()));
			store.recordPageView(visitorId, new PageVisit(copy(pageB), this.clock.instant()));
			largest = Math.max(largest, store.weightedSize());
		}
		store.cleanUp();
		long heapGrowth = usedHeapAfterGc(memory) - heapBefore;
		VisitSession kept = store.find(forgedId(visitors - 1), this.clock.instant());
		assertThat(kept).isNotNull();
		long entryWeight = InMemoryVisitorSessionStore.estimatedBytes(forgedId(visitors - 1), kept);
		assertThat(entryWeight).isGreaterThan(2 * SessionTracker.MAX_PAGE_LENGTH + VisitorIds.MAX_LENGTH);
		assertThat(largest).isLessThanOrEqualTo(DEFAULT_MAX_BYTES);
		assertThat(store.size() * entryWeight).isLessThanOrEqualTo(DEFAULT_MAX_BYTES);
		// Far fewer than max-entries: the byte bound is the one that applies to such entries.
		assertThat(store.size()).isLessThan(DEFAULT_MAX_ENTRIES / 5);
		// The estimate is from above: what the store really retains is within the budget, and under 64 MB.
		assertThat(heapGrowth).isLessThan(DEFAULT_MAX_BYTES);
		assertThat(heapGrowth).isLessThan(DataSize.ofMegabytes(64).toBytes());
	}

	@Test
	void smallEntriesAreBoundedByTheEntryCount() {
		long maxEntries = 1_000;
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, this.ids::sessionId, this.clock,
				maxEntries, DEFAULT_MAX_BYTES);
		for (int i = 0; i < 10 * maxEntries; i++) {
			store.recordPageView("visitor-" + i, new PageVisit("/", this.clock.instant()));
		}
		store.cleanUp();
		assertThat(store.size()).isEqualTo(maxEntries);
		assertThat(store.weightedSize()).isLessThanOrEqualTo(store.maximumWeight());
	}

	@Test
	void theTighterBoundApplies() {
		// 1,000 entries of at most 1 KB each make 1,000,000 bytes: the entry bound is the tighter one.
		InMemoryVisitorSessionStore byEntries = new InMemoryVisitorSessionStore(TIMEOUT, this.ids::sessionId,
				this.clock, 1_000, DataSize.ofMegabytes(1).toBytes());
		assertThat(byEntries.maximumWeight()).isEqualTo(1_000 * (DataSize.ofMegabytes(1).toBytes() / 1_000));
		InMemoryVisitorSessionStore byBytes = new InMemoryVisitorSessionStore(TIMEOUT, this.ids::sessionId,
				this.clock, Long.MAX_VALUE / 2, DataSize.ofKilobytes(64).toBytes());
		assertThat(byBytes.maximumWeight()).isEqualTo(DataSize.ofKilobytes(64).toBytes());
	}

	@Test
	void estimateCountsEveryStringOfAnEntry() {
		VisitSession small = new VisitSession("s", this.clock.instant(), this.clock.instant(), this.clock.instant(),
				null, "/");
		VisitSession large = new VisitSession("s", this.clock.instant(), this.clock.instant(), this.clock.instant(),
				"/" + "p".repeat(999), "/" + "c".repeat(999));
		VisitSession wide = new VisitSession("s", this.clock.instant(), this.clock.instant(), this.clock.instant(),
				"/" + "\u4e2d".repeat(999), "/" + "c".repeat(999));
		long base = InMemoryVisitorSessionStore.estimatedBytes("v", small);
		assertThat(InMemoryVisitorSessionStore.estimatedBytes("v", large)).isGreaterThanOrEqualTo(base + 2 * 999);
		assertThat(InMemoryVisitorSessionStore.estimatedBytes("v", wide))
			.isGreaterThanOrEqualTo(InMemoryVisitorSessionStore.estimatedBytes("v", large) + 999);
		assertThat(InMemoryVisitorSessionStore.estimatedBytes("v".repeat(128), small)).isGreaterThanOrEqualTo(base + 120);
	}

	private static String copy(String page) {
		return new StringBuilder(page).toString();
	}

	private static String forgedId(int i) {
		String prefix = Integer.toString(i);
		return prefix + "f".repeat(VisitorIds.MAX_LENGTH - prefix.length());
	}

	private static long usedHeapAfterGc(MemoryMXBean memory) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
