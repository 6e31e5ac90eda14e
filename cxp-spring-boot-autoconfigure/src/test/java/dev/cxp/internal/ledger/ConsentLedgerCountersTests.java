package dev.cxp.internal.ledger;

import org.junit.jupiter.api.Test;

import dev.cxp.internal.ledger.ConsentLedgerThrottledException.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsentLedgerCounters}: each event is counted by its own counter, and by no other.
 */
class ConsentLedgerCountersTests {

	private final ConsentLedgerCounters counters = new ConsentLedgerCounters();

	@Test
	void aNewSetOfCountersHasCountedNothing() {
		assertCounts(0, 0, 0, 0, 0, 0);
	}

	@Test
	void eachEventHasItsOwnCounter() {
		this.counters.recordWritten();
		assertCounts(1, 0, 0, 0, 0, 0);
		this.counters.appendFailed();
		this.counters.appendFailed();
		assertCounts(1, 2, 0, 0, 0, 0);
		this.counters.writeThrottled(Reason.RATE);
		this.counters.writeThrottled(Reason.RATE);
		this.counters.writeThrottled(Reason.RATE);
		assertCounts(1, 2, 3, 0, 0, 0);
		this.counters.writeThrottled(Reason.CONCURRENCY);
		assertCounts(1, 2, 3, 1, 0, 0);
		this.counters.purgeFailed();
		this.counters.purgeFailed();
		assertCounts(1, 2, 3, 1, 2, 0);
		this.counters.purged(40);
		this.counters.purged(2);
		this.counters.purged(0);
		assertCounts(1, 2, 3, 1, 2, 42);
	}

	private void assertCounts(long records, long appendErrors, long throttledByRate, long throttledByConcurrency,
			long purgeErrors, long purged) {
		assertThat(this.counters.records()).isEqualTo(records);
		assertThat(this.counters.appendErrors()).isEqualTo(appendErrors);
		assertThat(this.counters.throttledWrites(Reason.RATE)).isEqualTo(throttledByRate);
		assertThat(this.counters.throttledWrites(Reason.CONCURRENCY)).isEqualTo(throttledByConcurrency);
		assertThat(this.counters.purgeErrors()).isEqualTo(purgeErrors);
		assertThat(this.counters.purgedRecords()).isEqualTo(purged);
	}

}
