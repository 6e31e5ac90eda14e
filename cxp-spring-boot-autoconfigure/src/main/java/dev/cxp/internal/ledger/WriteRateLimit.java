package dev.cxp.internal.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket on the application's {@link Clock}: at most {@code burst} writes at once after a quiet
 * period, and {@code perSecond} writes a second when sustained. Lock-free: the whole state is one
 * {@link AtomicLong}, the time at which the bucket would be full again (the generic cell rate algorithm), so
 * concurrent requests never wait on one another, and a refused write costs one read of the clock.
 */
final class WriteRateLimit {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final Clock clock;

	private final Instant origin;

	private final long intervalNanos;

	private final long toleranceNanos;

	// Nanoseconds after the origin at which the bucket is full again; before it, writes take from the burst.
	private final AtomicLong fullAt = new AtomicLong(Long.MIN_VALUE / 2);

	/**
	 * Create a limit.
	 * @param clock the source of the current time
	 * @param perSecond how many writes a second are allowed when sustained, at least 1
	 * @param burst how many writes are allowed at once after a quiet period, at least 1
	 */
	WriteRateLimit(Clock clock, int perSecond, int burst) {
		if (perSecond < 1 || burst < 1) {
			throw new IllegalArgumentException("The write rate and the burst must be at least 1");
		}
		this.clock = clock;
		this.origin = clock.instant();
		this.intervalNanos = NANOS_PER_SECOND / perSecond;
		this.toleranceNanos = (burst - 1) * this.intervalNanos;
	}

	/**
	 * Take a write from the bucket if one is left.
	 * @return {@code true} when the write is allowed
	 */
	boolean tryAcquire() {
		long now = nanosSinceOrigin();
		while (true) {
			long full = this.fullAt.get();
			long start = Math.max(full, now);
			if (full - now > this.toleranceNanos + this.intervalNanos) {
				// Only a clock set back can leave the bucket fuller than a burst: start again from now.
				start = now;
			}
			if (start - now > this.toleranceNanos) {
				return false;
			}
			if (this.fullAt.compareAndSet(full, start + this.intervalNanos)) {
				return true;
			}
		}
	}

	private long nanosSinceOrigin() {
		return Duration.between(this.origin, this.clock.instant()).toNanos();
	}

}
