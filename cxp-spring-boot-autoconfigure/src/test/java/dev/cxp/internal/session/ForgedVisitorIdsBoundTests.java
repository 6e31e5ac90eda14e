package dev.cxp.internal.session;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.visitor.CookieAttributes;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of page views with distinct forged visitor ids, as a bot would send, keeps the in-memory store
 * within {@code cxp.session.max-entries} and the heap bounded.
 */
class ForgedVisitorIdsBoundTests {

	private static final int MAX_ENTRIES = 100_000;

	private static final int PAGE_VIEWS = 1_000_000;

	@Test
	void millionForgedIdsStayWithinTheBound() {
		MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
		Duration timeout = Duration.ofMinutes(30);
		SecureIdGenerator ids = new SecureIdGenerator();
		InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(timeout, ids::sessionId, clock,
				MAX_ENTRIES, DataSize.ofMegabytes(48).toBytes());
		SessionTracker tracker = new SessionTracker(store, clock, false, (event) -> {
		}, CxpActivityListener.NONE);
		CxpCookies cookies = new CxpCookies(new CookieAttributes("_mspi", Duration.ofDays(365), null, "Lax", false, false),
				new CookieAttributes("cxp_consent", Duration.ofDays(180), null, "Lax", false, false));
		VisitorRequestPath processor = new VisitorRequestPath(
				ConsentFixtures.defaultPolicy(), cookies,
				new VisitorIdentity(cookies, ids, tracker, CxpActivityListener.NONE), tracker,
				CxpActivityListener.NONE);
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long heapBefore = usedHeapAfterGc(memory);
		long largest = 0;
		for (int i = 0; i < PAGE_VIEWS; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
			request.setCookies(new Cookie("_mspi", "forged-" + i));
			TestExchanges.process(processor, request, new MockHttpServletResponse(), true);
			if (i % 10_000 == 0) {
				clock.advance(Duration.ofMillis(100));
				largest = Math.max(largest, store.size());
			}
		}
		store.cleanUp();
		long heapGrowth = usedHeapAfterGc(memory) - heapBefore;
		assertThat(store.size()).isLessThanOrEqualTo(MAX_ENTRIES);
		assertThat(largest).isLessThanOrEqualTo(MAX_ENTRIES);
		// 100,000 sessions take a few tens of megabytes; an unbounded store would hold ten times as many.
		assertThat(heapGrowth).isLessThan(128L * 1024 * 1024);
		assertThat(store.find("forged-" + (PAGE_VIEWS - 1), clock.instant())).isNotNull();
	}

	private static long usedHeapAfterGc(MemoryMXBean memory) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
