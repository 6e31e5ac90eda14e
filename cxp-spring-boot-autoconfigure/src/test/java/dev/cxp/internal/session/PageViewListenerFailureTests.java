package dev.cxp.internal.session;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.session.PageViewEvent;
import dev.cxp.session.VisitSession;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link PageViewEvent} listener that throws never fails the page view: the session is tracked, the failure is
 * counted each time and logged at most once a minute, without the visitor.
 */
@ExtendWith(OutputCaptureExtension.class)
class PageViewListenerFailureTests {

	private static final String VISITOR = "visitor-with-a-failing-listener";

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final CxpActivity activity = new CxpActivity();

	@Test
	void aThrowingListenerOfTheContextIsCountedAndThePageViewTracked(CapturedOutput output) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				ThrowingListener.class)) {
			SessionTracker tracker = tracker(context);
			VisitSession first = tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
			VisitSession second = tracker.trackPageView(VISITOR, new RequestedPage("", "/about", null), tracker.now());
			assertThat(first).isNotNull();
			assertThat(second).isNotNull();
			assertThat(second.id()).isEqualTo(first.id());
			assertThat(second.previousPage()).isEqualTo("/");
			assertThat(context.getBean(ThrowingListener.class).calls).isEqualTo(2);
		}
		assertThat(this.activity.pageViewListenerErrors()).isEqualTo(2);
		assertThat(this.activity.pageViews()).isEqualTo(2);
		assertThat(this.activity.sessionsStarted()).isOne();
		assertThat(output.getAll().lines().filter((line) -> line.contains("A PageViewEvent listener failed")))
			.singleElement()
			.asString()
			.contains("the page was served (java.lang.IllegalStateException)");
		assertThat(output.getAll()).doesNotContain(VISITOR);
	}

	@Test
	void aThrowingPublisherIsCountedAndThePageViewTracked() {
		SessionTracker tracker = new SessionTracker(store(), this.clock, false, (event) -> {
			throw new IllegalStateException("listener broke for " + event);
		}, this.activity);
		VisitSession session = tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
		assertThat(session).isNotNull();
		assertThat(session.currentPage()).isEqualTo("/");
		assertThat(this.activity.pageViewListenerErrors()).isOne();
		assertThat(this.activity.storeErrors()).isZero();
	}

	@Test
	void aListenerThatWorksIsNoFailure() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				WorkingListener.class)) {
			SessionTracker tracker = tracker(context);
			tracker.trackPageView(VISITOR, new RequestedPage("", "/", null), tracker.now());
			assertThat(context.getBean(WorkingListener.class).calls).isOne();
		}
		assertThat(this.activity.pageViewListenerErrors()).isZero();
	}

	private SessionTracker tracker(AnnotationConfigApplicationContext context) {
		return new SessionTracker(store(), this.clock, false, context, this.activity);
	}

	private InMemoryVisitorSessionStore store() {
		return new InMemoryVisitorSessionStore(Duration.ofMinutes(30), () -> "session", this.clock, 100,
				Long.MAX_VALUE);
	}

	static class ThrowingListener {

		int calls;

		@EventListener
		void onPageView(PageViewEvent event) {
			this.calls++;
			throw new IllegalStateException("analytics pipeline down for " + event.visitorId());
		}

	}

	static class WorkingListener {

		int calls;

		@EventListener
		void onPageView(PageViewEvent event) {
			this.calls++;
		}

	}

}
