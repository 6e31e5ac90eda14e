package dev.cxp.internal.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;

/**
 * A warning that is logged at most once per interval, with the number of occurrences since the last
 * one, so a failure on every request (a store that is down, a resolver that throws) cannot flood the
 * log. Callers pass only text they wrote themselves and exception types, never request data.
 *
 * @since 0.1.0
 */
public final class ThrottledWarning {

	private final Log logger;

	private final long intervalNanos;

	private final AtomicLong nextAllowed = new AtomicLong(System.nanoTime());

	private final LongAdder suppressed = new LongAdder();

	/**
	 * Create a throttled warning.
	 * @param logger the logger to write to
	 * @param interval the shortest time between two warnings
	 */
	public ThrottledWarning(Log logger, Duration interval) {
		this.logger = logger;
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * Log the warning unless one was logged within the interval.
	 * @param message what happened, without any request data
	 * @param failure the failure; only its type is logged at WARN, and its stack trace at DEBUG, never its
	 * message, which may quote request data
	 */
	public void warn(String message, Throwable failure) {
		long now = System.nanoTime();
		long next = this.nextAllowed.get();
		if (now - next < 0 || !this.nextAllowed.compareAndSet(next, now + this.intervalNanos)) {
			this.suppressed.increment();
			return;
		}
		long skipped = this.suppressed.sumThenReset();
		if (this.logger.isWarnEnabled()) {
			this.logger.warn(message + " (" + failure.getClass().getName() + ")"
					+ ((skipped > 0) ? "; " + skipped + " more since the last warning" : ""));
		}
		if (this.logger.isDebugEnabled()) {
			this.logger.debug(message, withoutMessage(failure));
		}
	}

	private static Throwable withoutMessage(Throwable failure) {
		Throwable trace = new Throwable(failure.getClass().getName());
		trace.setStackTrace(failure.getStackTrace());
		return trace;
	}

}
