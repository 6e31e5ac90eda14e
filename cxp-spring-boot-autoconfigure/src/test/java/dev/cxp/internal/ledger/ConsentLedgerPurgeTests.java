package dev.cxp.internal.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ConsentLedgerPurge}: the cutoff from the clock, its own thread, failures (errors too)
 * contained.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsentLedgerPurgeTests {

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T00:00:00Z");

	private final ConsentLedgerCounters counters = new ConsentLedgerCounters();

	private final CallRecordingLedger ledger = new CallRecordingLedger();

	@Test
	void cutoffIsNowMinusTheRetention() {
		ConsentLedgerPurge purge = new ConsentLedgerPurge(this.ledger, this.counters, this.clock, Duration.ofDays(1095),
				Duration.ofDays(1));
		assertThat(purge.purgeNow()).isEqualTo(2);
		this.clock.advance(Duration.ofDays(10));
		purge.purgeNow();
		assertThat(this.ledger.cutoffs).containsExactly(Instant.parse("2023-03-02T00:00:00Z"),
				Instant.parse("2023-03-12T00:00:00Z"));
		assertThat(this.counters.purgedRecords()).isEqualTo(4);
	}

	@Test
	void scheduledPurgesRunOnTheirOwnThreadUntilStopped() {
		ConsentLedgerPurge purge = new ConsentLedgerPurge(this.ledger, this.counters, this.clock, Duration.ofDays(1),
				Duration.ofMillis(20));
		assertThat(purge.isRunning()).isFalse();
		purge.start();
		try {
			assertThat(purge.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.ledger.threads.size() >= 2);
		}
		finally {
			purge.stop();
		}
		assertThat(purge.isRunning()).isFalse();
		assertThat(this.ledger.threads).extracting(Thread::getName).allMatch("cxp-consent-ledger-purge"::equals);
		assertThat(this.ledger.threads).doesNotContain(Thread.currentThread());
		// Other application contexts of this JVM may run purges of their own: only this purge's thread counts.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.ledger.threads.stream().noneMatch(Thread::isAlive));
	}

	@Test
	void errorInAScheduledPurgeIsContainedAndTheScheduleGoesOn(CapturedOutput output) {
		this.ledger.error.set(new OutOfMemoryError("simulated"));
		ConsentLedgerPurge purge = new ConsentLedgerPurge(this.ledger, this.counters, this.clock, Duration.ofDays(1),
				Duration.ofMillis(20));
		purge.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.ledger.threads.size() >= 2);
		}
		finally {
			purge.stop();
		}
		assertThat(this.ledger.errors.get()).isEqualTo(1);
		assertThat(this.counters.purgeErrors()).isEqualTo(1);
		assertThat(this.counters.purgedRecords()).isGreaterThanOrEqualTo(4);
		assertThat(output.getAll()).contains("could not be purged").contains("java.lang.OutOfMemoryError");
	}

	@Test
	void failedPurgeIsCountedNotThrown() {
		this.ledger.failing.set(true);
		ConsentLedgerPurge purge = new ConsentLedgerPurge(this.ledger, this.counters, this.clock, Duration.ofDays(1),
				Duration.ofDays(1));
		assertThat(purge.purgeNow()).isZero();
		assertThat(this.counters.purgeErrors()).isEqualTo(1);
	}

	@Test
	void retentionAndIntervalMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new ConsentLedgerPurge(this.ledger, this.counters, this.clock, Duration.ZERO, Duration.ofDays(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ConsentLedgerPurge(this.ledger, this.counters,
				this.clock, Duration.ofDays(1), Duration.ofSeconds(-1)));
	}

	private static final class CallRecordingLedger implements ConsentLedger {

		private final List<Instant> cutoffs = new CopyOnWriteArrayList<>();

		private final List<Thread> threads = new CopyOnWriteArrayList<>();

		private final AtomicBoolean failing = new AtomicBoolean();

		private final AtomicReference<Error> error = new AtomicReference<>();

		private final AtomicInteger errors = new AtomicInteger();

		@Override
		public void append(ConsentRecord record) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<ConsentRecord> findByReceiptId(String receiptId) {
			return Optional.empty();
		}

		@Override
		public long deleteOlderThan(Instant cutoff) {
			Error thrown = this.error.getAndSet(null);
			if (thrown != null) {
				this.errors.incrementAndGet();
				throw thrown;
			}
			if (this.failing.get()) {
				throw new IllegalStateException("down");
			}
			this.cutoffs.add(cutoff);
			this.threads.add(Thread.currentThread());
			return 2;
		}

	}

}
