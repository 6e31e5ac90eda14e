package dev.cxp.benchmarks.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;

/**
 * Fills the in-memory session store with active sessions the way page views do, through the session
 * tracker (random 32-hex visitor ids, two page views each so every session has a current and a previous
 * page, page strings fresh per request as a server creates them) and prints the heap retained per session
 * after full collections. Then adds more visitors than the store may hold and shows that it stays at its
 * bound. Run with a fixed heap, for example {@code java -Xms3g -Xmx3g -cp cxp-benchmarks/target/benchmarks.jar
 * dev.cxp.benchmarks.memory.SessionStoreMemory [sessions] [extra]}.
 */
public final class SessionStoreMemory {

	private static final String[] PAGES = { "/", "/about", "/products", "/contact", "/blog/spring-boot-4" };

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private SessionStoreMemory() {
	}

	/**
	 * Run the harness.
	 * @param args the number of sessions (default 1,000,000) and of visitors added beyond the bound
	 * (default 100,000)
	 * @throws InterruptedException when interrupted between collections
	 */
	public static void main(String[] args) throws InterruptedException {
		int sessions = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int extra = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		SecureIdGenerator ids = new SecureIdGenerator();
		Clock clock = Clock.systemUTC();
		// Bounded by entries only, as the figures measured are per entry.
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(TIMEOUT, ids::sessionId, clock, sessions,
				Long.MAX_VALUE);
		SessionTracker tracker = new SessionTracker(store, clock, false, (event) -> {
		}, CxpActivityListener.NONE);
		long empty = usedHeapAfterFullGc();
		fill(tracker, ids, sessions);
		store.cleanUp();
		long full = usedHeapAfterFullGc();
		System.out.printf(Locale.ROOT, "%,d sessions held (max-entries %,d)%n", store.size(), sessions);
		System.out.printf(Locale.ROOT, "retained heap: %,d bytes, %.1f bytes per session (target <= 150)%n",
				full - empty, (full - empty) / (double) store.size());
		fill(tracker, ids, extra);
		store.cleanUp();
		System.out.printf(Locale.ROOT, "after %,d more visitors: %,d sessions held (bound %,d): eviction %s%n", extra,
				store.size(), sessions, (store.size() <= sessions) ? "works" : "FAILED");
		System.out.printf(Locale.ROOT, "retained heap at the bound: %.1f bytes per session%n",
				(usedHeapAfterFullGc() - empty) / (double) store.size());
	}

	private static void fill(SessionTracker tracker, SecureIdGenerator ids, int visitors) {
		for (int i = 0; i < visitors; i++) {
			String visitorId = ids.visitorId();
			for (int view = 0; view < 2; view++) {
				// A server reads a new string from each request
				String path = new String(PAGES[(i + view) % PAGES.length].toCharArray());
				tracker.trackPageView(visitorId, new RequestedPage("", path, null), tracker.now());
			}
		}
	}

	private static long usedHeapAfterFullGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
