package dev.cxp.internal.ledger;

import java.util.concurrent.atomic.LongAdder;

import dev.cxp.internal.ledger.ConsentLedgerThrottledException.Reason;

/**
 * The ledger's running counts since start-up, kept once and read by the meters and the actuator endpoint.
 *
 * @since 0.2.0
 */
public final class ConsentLedgerCounters {

	private final LongAdder records = new LongAdder();

	private final LongAdder appendErrors = new LongAdder();

	private final LongAdder purgeErrors = new LongAdder();

	private final LongAdder purged = new LongAdder();

	private final LongAdder throttledByRate = new LongAdder();

	private final LongAdder throttledByConcurrency = new LongAdder();

	/**
	 * Count a record written.
	 */
	public void recordWritten() {
		this.records.increment();
	}

	/**
	 * Count a record that could not be built or written.
	 */
	public void appendFailed() {
		this.appendErrors.increment();
	}

	/**
	 * Count a choice that stands without a record because a bound of the {@link ConsentLedgerGuard} was
	 * reached.
	 * @param reason which bound
	 * @since 0.3.0
	 */
	public void writeThrottled(Reason reason) {
		((reason == Reason.RATE) ? this.throttledByRate : this.throttledByConcurrency).increment();
	}

	/**
	 * Count a purge that failed.
	 */
	public void purgeFailed() {
		this.purgeErrors.increment();
	}

	/**
	 * Count records deleted by a purge.
	 * @param count how many
	 */
	public void purged(long count) {
		this.purged.add(count);
	}

	/**
	 * Records written.
	 * @return the count
	 */
	public long records() {
		return this.records.sum();
	}

	/**
	 * Records that could not be written.
	 * @return the count
	 */
	public long appendErrors() {
		return this.appendErrors.sum();
	}

	/**
	 * Choices that stand without a record because a bound of the {@link ConsentLedgerGuard} was reached.
	 * @param reason which bound
	 * @return the count
	 * @since 0.3.0
	 */
	public long throttledWrites(Reason reason) {
		return ((reason == Reason.RATE) ? this.throttledByRate : this.throttledByConcurrency).sum();
	}

	/**
	 * Purges that failed.
	 * @return the count
	 */
	public long purgeErrors() {
		return this.purgeErrors.sum();
	}

	/**
	 * Records deleted by purges.
	 * @return the count
	 */
	public long purgedRecords() {
		return this.purged.sum();
	}

}
