package dev.cxp.internal.visitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.visitor.CxpVisitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No session outlives a withdrawal (SPEC S12.5): page views of a visitor in flight while the same visitor
 * withdraws (here a page view with {@code Sec-GPC: 1}, which erases the visitor) never leave a session behind,
 * in the store a subclass configures; a page view decided after the withdrawal is tracked. Real threads over
 * the whole request path, a clock moved by hand.
 */
abstract class WithdrawalRaceTests {

	private static final int PAGE_VIEWS = 3;

	/**
	 * The application's clock: fixed while a race runs, so that every page view of the race is decided at the
	 * instant of the erasure, and moved on after it.
	 */
	protected final HoldingClock clock = new HoldingClock(Instant.parse("2026-03-01T10:00:00Z"));

	/**
	 * The context of the starter with the store under test and {@link #clock} as its clock.
	 * @return the context runner
	 */
	protected abstract WebApplicationContextRunner contextRunner();

	/**
	 * How many races to run.
	 * @return the number of races
	 */
	protected abstract int races();

	/**
	 * Assert that the store holds no session of the visitor, as the store itself keeps it.
	 * @param context the context
	 * @param visitorId the visitor id
	 */
	protected abstract void assertNoSessionStored(AssertableWebApplicationContext context, String visitorId);

	@Test
	void withdrawalRacingPageViewsOfTheSameVisitorLeavesNoSessionBehind() {
		contextRunner().run((context) -> {
			VisitorRequestPath path = context.getBean(VisitorRequestPath.class);
			SessionTracker tracker = context.getBean(SessionTracker.class);
			ExecutorService executor = Executors.newFixedThreadPool(PAGE_VIEWS + 1);
			try {
				for (int race = 0; race < races(); race++) {
					String visitorId = String.format("%032x", race + 1);
					// Half the races start from a live session (page views slide it), half from none (they start one)
					if (race % 2 == 0) {
						assertThat(TestExchanges.process(path, pageView(visitorId), new MockHttpServletResponse(), true).session())
							.isNotNull();
					}
					CountDownLatch ready = new CountDownLatch(PAGE_VIEWS + 1);
					CountDownLatch go = new CountDownLatch(1);
					List<Future<CxpVisitor>> requests = new ArrayList<>();
					for (int i = 0; i <= PAGE_VIEWS; i++) {
						MockHttpServletRequest request = (i == 0) ? withdrawal(visitorId) : pageView(visitorId);
						requests.add(executor.submit(() -> {
							ready.countDown();
							go.await();
							return TestExchanges.process(path, request, new MockHttpServletResponse(), true);
						}));
					}
					assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
					go.countDown();
					for (Future<CxpVisitor> request : requests) {
						request.get(10, TimeUnit.SECONDS);
					}
					assertThat(tracker.currentSession(visitorId)).as("session after race %d", race).isNull();
					assertNoSessionStored(context, visitorId);
					// A page view decided after the withdrawal, as after a new grant, is tracked.
					this.clock.advance(Duration.ofMillis(1));
					assertThat(TestExchanges.process(path, pageView(visitorId), new MockHttpServletResponse(), true).session())
						.as("page view after race %d", race)
						.isNotNull();
				}
			}
			finally {
				executor.shutdownNow();
			}
		});
	}

	@Test
	void pageViewDecidedBeforeAWithdrawalAndRecordedAfterItDoesNotRecreateTheSession() {
		contextRunner().run((context) -> {
			VisitorRequestPath path = context.getBean(VisitorRequestPath.class);
			String visitorId = "0123456789abcdef0123456789abcdef";
			assertThat(TestExchanges.process(path, pageView(visitorId), new MockHttpServletResponse(), true).session()).isNotNull();
			this.clock.advance(Duration.ofMillis(1));
			AtomicReference<CxpVisitor> inFlight = new AtomicReference<>();
			Thread pageView = new Thread(
					() -> inFlight.set(TestExchanges.process(path, pageView(visitorId), new MockHttpServletResponse(), true)));
			// The page view reads the clock, then stalls until the withdrawal is over
			this.clock.holdFirstReadOf(pageView);
			pageView.start();
			assertThat(this.clock.awaitHeld()).isTrue();
			this.clock.advance(Duration.ofMillis(1));
			CxpVisitor withdrawing = TestExchanges.process(path, withdrawal(visitorId), new MockHttpServletResponse(), true);
			assertThat(withdrawing.consentEffective()).isFalse();
			this.clock.release();
			pageView.join(10_000);
			assertThat(inFlight.get()).isNotNull();
			assertThat(inFlight.get().visitorId()).isEqualTo(visitorId);
			assertThat(inFlight.get().session()).as("served untracked").isNull();
			assertThat(context.getBean(SessionTracker.class).currentSession(visitorId)).isNull();
			assertNoSessionStored(context, visitorId);
		});
	}

	private static MockHttpServletRequest pageView(String visitorId) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("Accept", "text/html");
		request.setCookies(new Cookie("_mspi", visitorId));
		return request;
	}

	private static MockHttpServletRequest withdrawal(String visitorId) {
		MockHttpServletRequest request = pageView(visitorId);
		request.addHeader("Sec-GPC", "1");
		return request;
	}

	/**
	 * A clock moved by hand that can stall one thread's first reading: the thread reads the time, then waits
	 * until released, as a request thread descheduled right after reading it.
	 */
	protected static final class HoldingClock extends Clock {

		private volatile Instant now;

		private volatile @Nullable Thread held;

		private final CountDownLatch holding = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		HoldingClock(Instant start) {
			this.now = start;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		void holdFirstReadOf(Thread thread) {
			this.held = thread;
		}

		boolean awaitHeld() throws InterruptedException {
			return this.holding.await(10, TimeUnit.SECONDS);
		}

		void release() {
			this.released.countDown();
		}

		@Override
		public Instant instant() {
			Instant reading = this.now;
			if (Thread.currentThread() == this.held) {
				this.held = null;
				this.holding.countDown();
				try {
					this.released.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return reading;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
