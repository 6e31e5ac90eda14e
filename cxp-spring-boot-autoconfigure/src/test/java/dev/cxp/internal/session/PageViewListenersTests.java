package dev.cxp.internal.session;

import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PageViewListeners}: when the answer is worked out, and when the context is left to decide.
 */
class PageViewListenersTests {

	@Test
	void aContextThatIsNotActiveIsLeftToDecide() {
		GenericApplicationContext context = new GenericApplicationContext();
		PageViewListeners listeners = new PageViewListeners(context);
		assertThat(listeners.present()).as("before the refresh").isTrue();
		context.refresh();
		assertThat(listeners.present()).as("refreshed, without listeners").isFalse();
		context.close();
		assertThat(listeners.present()).as("closed").isTrue();
	}

	@Test
	void theAnswerIsWorkedOutOnceForTheSameNumberOfListeners() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.refresh();
			AskedListener asked = new AskedListener(false);
			context.addApplicationListener(asked);
			PageViewListeners listeners = new PageViewListeners(context);
			assertThat(listeners.present()).isFalse();
			assertThat(listeners.present()).isFalse();
			assertThat(asked.asked).hasValue(1);
			context.addApplicationListener(new AskedListener(true));
			assertThat(listeners.present()).isTrue();
			assertThat(asked.asked).hasValue(2);
		}
	}

	@Test
	void listenersThatCannotBeAskedAreAssumedToListenAndAreAskedAgain() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.refresh();
			AskedListener failing = new AskedListener(null);
			context.addApplicationListener(failing);
			PageViewListeners listeners = new PageViewListeners(context);
			assertThat(listeners.present()).isTrue();
			assertThat(listeners.present()).isTrue();
			assertThat(failing.asked).hasValue(2);
		}
	}

	/**
	 * A listener that counts how often it is asked whether it supports page views, and supports no other event
	 * (so that the context's own events do not reach it).
	 */
	static final class AskedListener implements GenericApplicationListener {

		final AtomicInteger asked = new AtomicInteger();

		private final @Nullable Boolean supports;

		/**
		 * Create a listener.
		 * @param supports its answer about page views, {@code null} to fail when asked
		 */
		AskedListener(@Nullable Boolean supports) {
			this.supports = supports;
		}

		@Override
		public boolean supportsEventType(ResolvableType eventType) {
			if (!PageViewApplicationEvent.EVENT_TYPE.equals(eventType)) {
				return false;
			}
			this.asked.incrementAndGet();
			if (this.supports == null) {
				throw new IllegalStateException("cannot tell");
			}
			return this.supports;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
		}

	}

}
