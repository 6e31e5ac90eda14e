package dev.cxp.internal.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.ledger.ConsentLedgerThrottledException.Reason;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ConsentLedgerGuard}: refusals at once beyond the rate and the concurrent calls, no caller
 * waiting longer than the timeout, failures passed on.
 */
class ConsentLedgerGuardTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T00:00:00Z");

	private final SecureIdGenerator ids = new SecureIdGenerator();

	private final BlockingLedger ledger = new BlockingLedger();

	private final List<ConsentLedgerGuard> guards = new ArrayList<>();

	@AfterEach
	void releaseAndClose() {
		this.ledger.release.countDown();
		this.guards.forEach(ConsentLedgerGuard::close);
	}

	@Test
	void callsReachTheLedgerOnTheGuardsOwnThreads() {
		ConsentLedger guarded = guard(4, 10, 10).guard(this.ledger.open());
		ConsentRecord record = record();
		guarded.append(record);
		assertThat(guarded.findByReceiptId(record.receiptId())).contains(record);
		assertThat(this.ledger.threads).hasSize(2)
			.allSatisfy((thread) -> assertThat(thread.getName()).startsWith("cxp-consent-ledger-"))
			.doesNotContain(Thread.currentThread());
	}

	@Test
	void callThatDoesNotAnswerIsGivenUpAfterTheTimeoutAndKeepsItsSlotUntilItEnds() {
		ConsentLedger guarded = guard(1, 10, 10).guard(this.ledger);
		long start = System.nanoTime();
		assertThatExceptionOfType(ConsentLedgerTimeoutException.class).isThrownBy(() -> guarded.append(record()));
		long waited = System.nanoTime() - start;
		assertThat(Duration.ofNanos(waited)).isBetween(TIMEOUT, TIMEOUT.plusSeconds(2));
		assertThatExceptionOfType(ConsentLedgerThrottledException.class)
			.isThrownBy(() -> guarded.findByReceiptId(this.ids.receiptId()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CONCURRENCY));
		this.ledger.release.countDown();
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			guarded.findByReceiptId(this.ids.receiptId());
			return true;
		});
		// The record whose request gave up was still written.
		assertThat(this.ledger.appended).hasSize(1);
	}

	@Test
	void callsBeyondTheConcurrencyBoundAreRefusedAtOnceNotQueued() throws Exception {
		int slots = 3;
		ConsentLedgerGuard guard = new ConsentLedgerGuard(this.clock, Duration.ofSeconds(30), slots, 100, 100);
		this.guards.add(guard);
		ConsentLedger guarded = guard.guard(this.ledger);
		CountDownLatch started = new CountDownLatch(slots);
		List<Thread> waiting = new ArrayList<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		this.ledger.entered = started;
		for (int i = 0; i < slots; i++) {
			Thread thread = new Thread(() -> {
				try {
					guarded.append(record());
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			});
			thread.start();
			waiting.add(thread);
		}
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		long start = System.nanoTime();
		for (int i = 0; i < 50; i++) {
			assertThatExceptionOfType(ConsentLedgerThrottledException.class).isThrownBy(() -> guarded.append(record()))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CONCURRENCY));
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		this.ledger.release.countDown();
		for (Thread thread : waiting) {
			thread.join(TimeUnit.SECONDS.toMillis(10));
			assertThat(thread.isAlive()).isFalse();
		}
		assertThat(failure.get()).isNull();
		assertThat(this.ledger.appended).hasSize(slots);
		guarded.append(record());
		assertThat(this.ledger.appended).hasSize(slots + 1);
	}

	@Test
	void writesBeyondTheRateAreRefusedAndLookupsAreNot() {
		ConsentLedger guarded = guard(4, 1, 3).guard(this.ledger.open());
		for (int i = 0; i < 3; i++) {
			guarded.append(record());
		}
		assertThatExceptionOfType(ConsentLedgerThrottledException.class).isThrownBy(() -> guarded.append(record()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.RATE));
		for (int i = 0; i < 20; i++) {
			assertThat(guarded.findByReceiptId(this.ids.receiptId())).isEmpty();
		}
		this.clock.advance(Duration.ofSeconds(1));
		guarded.append(record());
		assertThat(this.ledger.appended).hasSize(4);
	}

	@Test
	void failuresOfTheLedgerReachTheCallerAsThrown() {
		IllegalStateException down = new IllegalStateException("down");
		this.ledger.open().failure = down;
		ConsentLedger guarded = guard(4, 10, 10).guard(this.ledger);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> guarded.append(record()))
			.isSameAs(down);
		this.ledger.failure = new OutOfMemoryError("simulated");
		assertThatIllegalStateException().isThrownBy(() -> guarded.append(record()))
			.withMessageContaining("java.lang.OutOfMemoryError")
			.withCauseInstanceOf(OutOfMemoryError.class);
		this.ledger.failure = null;
		guarded.append(record());
		assertThat(this.ledger.appended).hasSize(1);
	}

	@Test
	void purgesGoStraightToTheLedger() {
		ConsentLedger guarded = guard(1, 1, 1).guard(this.ledger.open());
		assertThat(guarded.deleteOlderThan(Instant.EPOCH)).isEqualTo(7);
		assertThat(this.ledger.threads).containsExactly(Thread.currentThread());
	}

	@Test
	void closedGuardRefusesCalls() {
		ConsentLedgerGuard guard = guard(2, 10, 10);
		ConsentLedger guarded = guard.guard(this.ledger.open());
		guard.close();
		assertThatIllegalStateException().isThrownBy(() -> guarded.append(record()));
		assertThatIllegalStateException().isThrownBy(() -> guarded.findByReceiptId(this.ids.receiptId()));
	}

	@Test
	void closedGuardSaysSoOnEveryCallWithoutUsingUpItsSlots() {
		ConsentLedgerGuard guard = guard(1, 10, 10);
		guard.close();
		for (int i = 0; i < 3; i++) {
			assertThatIllegalStateException().isThrownBy(() -> guard.call(() -> "never"))
				.withMessage("The consent ledger guard is closed");
		}
	}

	@Test
	void slotIsGivenBackAfterEachCall() {
		ConsentLedgerGuard guard = guard(2, 10, 10);
		for (int i = 0; i < 3; i++) {
			int call = i;
			assertThat(guard.call(() -> call)).isEqualTo(call);
		}
	}

	@Test
	void guardsThreadsNeverKeepTheApplicationRunning() {
		assertThat(guard(1, 10, 10).call(() -> Thread.currentThread().isDaemon())).isTrue();
	}

	@Test
	void interruptedCallerGivesUpAndKeepsItsInterrupt() {
		ConsentLedger guarded = guard(1, 10, 10).guard(this.ledger);
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(ConsentLedgerTimeoutException.class)
				.isThrownBy(() -> guarded.findByReceiptId(this.ids.receiptId()));
		}
		finally {
			assertThat(Thread.interrupted()).isTrue();
		}
	}

	@Test
	void boundsMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentLedgerGuard(this.clock, Duration.ZERO, 1, 1, 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentLedgerGuard(this.clock, Duration.ofSeconds(1), 0, 1, 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentLedgerGuard(this.clock, Duration.ofSeconds(1), 1, 0, 1));
	}

	private ConsentLedgerGuard guard(int slots, int perSecond, int burst) {
		ConsentLedgerGuard guard = new ConsentLedgerGuard(this.clock, TIMEOUT, slots, perSecond, burst);
		this.guards.add(guard);
		return guard;
	}

	private ConsentRecord record() {
		return new ConsentRecord(this.ids.receiptId(), this.clock.instant(), "1",
				Map.of("analytics", ConsentState.GRANTED), ConsentMethod.API, null, null, null, null);
	}

	/**
	 * A ledger whose calls wait until released, like a database whose table is locked.
	 */
	private static final class BlockingLedger implements ConsentLedger {

		private final CountDownLatch release = new CountDownLatch(1);

		private final List<ConsentRecord> appended = new CopyOnWriteArrayList<>();

		private final List<Thread> threads = new CopyOnWriteArrayList<>();

		private volatile CountDownLatch entered = new CountDownLatch(0);

		private volatile Throwable failure;

		BlockingLedger open() {
			this.release.countDown();
			return this;
		}

		@Override
		public void append(ConsentRecord record) {
			enter();
			this.appended.add(record);
		}

		@Override
		public Optional<ConsentRecord> findByReceiptId(String receiptId) {
			enter();
			return this.appended.stream().filter((record) -> record.receiptId().equals(receiptId)).findFirst();
		}

		@Override
		public long deleteOlderThan(Instant cutoff) {
			this.threads.add(Thread.currentThread());
			return 7;
		}

		private void enter() {
			this.threads.add(Thread.currentThread());
			this.entered.countDown();
			try {
				if (!this.release.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("Never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Throwable failing = this.failure;
			if (failing instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failing instanceof Error error) {
				throw error;
			}
		}

	}

}
