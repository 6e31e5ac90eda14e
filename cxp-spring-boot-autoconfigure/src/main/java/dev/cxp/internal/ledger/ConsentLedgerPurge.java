package dev.cxp.internal.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.DelegatingErrorHandlingRunnable;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.internal.support.ThrottledWarning;

/**
 * Enforces the ledger's retention: deletes the records older than the retention period, on a single thread
 * of its own (never a request thread), first shortly after start-up and then once per interval. The thread
 * exists while the application context runs and is shut down with it. Whatever a purge throws, an
 * {@link Error} included, is counted and logged and the next purge runs as planned: a task of a
 * {@link ScheduledExecutorService} that throws is never run again.
 *
 * @since 0.2.0
 */
public class ConsentLedgerPurge implements SmartLifecycle {

	private static final Duration LONGEST_FIRST_DELAY = Duration.ofMinutes(1);

	private final ConsentLedger ledger;

	private final ConsentLedgerCounters counters;

	private final Clock clock;

	private final Duration retention;

	private final Duration interval;

	private final ThrottledWarning warning = new ThrottledWarning(LogFactory.getLog(ConsentLedgerPurge.class),
			Duration.ofMinutes(1));

	private volatile @Nullable ScheduledExecutorService scheduler;

	/**
	 * Create a purge.
	 * @param ledger the ledger to purge
	 * @param counters counts the records deleted and the failures
	 * @param clock the source of the current time
	 * @param retention how long a record is kept
	 * @param interval the time between two purges
	 */
	public ConsentLedgerPurge(ConsentLedger ledger, ConsentLedgerCounters counters, Clock clock, Duration retention,
			Duration interval) {
		if (retention.isNegative() || retention.isZero() || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("The retention and the purge interval must be positive");
		}
		this.ledger = ledger;
		this.counters = counters;
		this.clock = clock;
		this.retention = retention;
		this.interval = interval;
	}

	/**
	 * How long a record is kept.
	 * @return the retention period
	 */
	public Duration retention() {
		return this.retention;
	}

	/**
	 * Delete the records older than the retention period now, on the calling thread. A failure of the ledger
	 * is counted and logged, never thrown; an {@link Error} reaches the caller (the scheduled purges contain
	 * it).
	 * @return how many records were deleted, 0 when the purge failed
	 */
	public long purgeNow() {
		try {
			long deleted = this.ledger.deleteOlderThan(this.clock.instant().minus(this.retention));
			this.counters.purged(deleted);
			return deleted;
		}
		catch (RuntimeException ex) {
			purgeFailed(ex);
			return 0;
		}
	}

	private void purgeFailed(Throwable failure) {
		this.counters.purgeFailed();
		this.warning.warn("The consent ledger could not be purged; the next purge will try again", failure);
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "cxp-consent-ledger-purge");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(1, this.interval.toMillis());
		long first = Math.min(period, LONGEST_FIRST_DELAY.toMillis());
		executor.scheduleWithFixedDelay(new DelegatingErrorHandlingRunnable(this::purgeNow, this::purgeFailed), first,
				period, TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null) {
			executor.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
