package dev.cxp.internal.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.internal.ledger.ConsentLedgerThrottledException.Reason;

/**
 * Bounds what request threads can spend on the consent ledger, whatever state the ledger is in. Records
 * beyond a rate (a token bucket on the application's {@link Clock}) are refused at once, so that a flood of
 * consent writes cannot grow the ledger faster than that rate. At most {@code maxConcurrentCalls} appends and
 * lookups are in flight at once; one more is refused at once, never queued. Each call runs on one of the
 * guard's own threads and is awaited at most the timeout, so neither a statement waiting on a lock, nor a
 * wait for a pooled connection, nor a stalled network holds a request for longer. Refusals throw
 * {@link ConsentLedgerThrottledException}, a call not answered in time {@link ConsentLedgerTimeoutException};
 * such a call goes on until the ledger's own statement timeout ends it, and keeps its slot until then. A
 * record written after its request gave up stays in the ledger, without a receipt in the visitor's cookie.
 * No caller waits for another: the slots are taken with a non-blocking {@link Semaphore#tryAcquire()}, the
 * rate is one atomic compare-and-set, and no lock is held across a call of the ledger.
 *
 * @since 0.3.0
 */
public class ConsentLedgerGuard implements AutoCloseable {

	private static final AtomicInteger threadNumbers = new AtomicInteger();

	private final WriteRateLimit writeRate;

	private final Semaphore slots;

	private final Duration timeout;

	private final ThreadPoolExecutor threads;

	/**
	 * Create a guard.
	 * @param clock the source of the current time, for the write rate
	 * @param timeout the longest a caller waits for a call of the ledger
	 * @param maxConcurrentCalls how many calls may be in flight at once, at least 1
	 * @param maxWritesPerSecond how many records a second may be appended when sustained, at least 1
	 * @param maxWriteBurst how many records may be appended at once after a quiet period, at least 1
	 */
	public ConsentLedgerGuard(Clock clock, Duration timeout, int maxConcurrentCalls, int maxWritesPerSecond,
			int maxWriteBurst) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The consent ledger's timeout must be positive");
		}
		if (maxConcurrentCalls < 1) {
			throw new IllegalArgumentException("The consent ledger's concurrent calls must be at least 1");
		}
		this.writeRate = new WriteRateLimit(clock, maxWritesPerSecond, maxWriteBurst);
		this.slots = new Semaphore(maxConcurrentCalls);
		this.timeout = timeout;
		// Never more tasks than slots, so the queue stays short; idle threads end after a minute.
		this.threads = new ThreadPoolExecutor(maxConcurrentCalls, maxConcurrentCalls, 1, TimeUnit.MINUTES,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "cxp-consent-ledger-" + threadNumbers.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.threads.allowCoreThreadTimeOut(true);
	}

	/**
	 * The given ledger behind this guard: appends and lookups bounded as described above; purges, which run
	 * on a thread of their own, go straight to the ledger.
	 * @param ledger the ledger to guard
	 * @return the guarded ledger
	 */
	public ConsentLedger guard(ConsentLedger ledger) {
		return new GuardedConsentLedger(ledger, this);
	}

	/**
	 * The longest a caller waits for a call of the ledger.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	void admitWrite() {
		if (!this.writeRate.tryAcquire()) {
			throw new ConsentLedgerThrottledException(Reason.RATE);
		}
	}

	/**
	 * Run one call of the ledger, or of a table beside it, within this guard's bounds: refused at once when
	 * every slot is taken, awaited at most the timeout.
	 * @param <T> the call's result type
	 * @param work the call
	 * @return its result
	 * @throws ConsentLedgerThrottledException when every slot is taken
	 * @throws ConsentLedgerTimeoutException when the call was not answered in time
	 */
	public <T extends @Nullable Object> T call(Callable<T> work) {
		if (!this.slots.tryAcquire()) {
			throw new ConsentLedgerThrottledException(Reason.CONCURRENCY);
		}
		Future<T> result;
		try {
			result = this.threads.submit(() -> {
				try {
					return work.call();
				}
				finally {
					this.slots.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.slots.release();
			throw new IllegalStateException("The consent ledger guard is closed", ex);
		}
		return await(result);
	}

	private <T extends @Nullable Object> T await(Future<T> result) {
		try {
			return result.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new ConsentLedgerTimeoutException(this.timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConsentLedgerTimeoutException(this.timeout);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			// An Error on the guard's thread is that thread's failure: to the caller the ledger failed.
			throw new IllegalStateException("The consent ledger failed with " + cause.getClass().getName(), cause);
		}
	}

	/**
	 * Stop taking calls; calls in flight finish on their threads.
	 */
	@Override
	public void close() {
		this.threads.shutdown();
	}

}
