package dev.cxp.internal.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled purge's one thread: a daemon, so that it never keeps a JVM alive, started once however often
 * {@link ConsentLedgerPurge#start()} is called, and gone once stopped.
 */
class ConsentLedgerPurgeThreadTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ThreadRecordingLedger ledger = new ThreadRecordingLedger();

	private final ConsentLedgerPurge purge = new ConsentLedgerPurge(this.ledger, new ConsentLedgerCounters(),
			MutableClock.startingAt("2026-03-01T00:00:00Z"), Duration.ofDays(1), Duration.ofMillis(10));

	@Test
	void purgesRunOnADaemonThread() {
		this.purge.start();
		try {
			await().atMost(WAIT).until(() -> !this.ledger.threads.isEmpty());
		}
		finally {
			this.purge.stop();
		}
		assertThat(this.ledger.threads.get(0).isDaemon()).isTrue();
		assertThat(this.ledger.threads.get(0).getName()).isEqualTo("cxp-consent-ledger-purge");
	}

	@Test
	void aSecondStartKeepsTheOneThreadAndStopEndsIt() {
		this.purge.start();
		this.purge.start();
		try {
			assertThat(this.purge.isRunning()).isTrue();
			await().atMost(WAIT).until(() -> this.ledger.threads.size() >= 6);
		}
		finally {
			this.purge.stop();
		}
		assertThat(this.purge.isRunning()).isFalse();
		assertThat(this.ledger.threads).containsOnly(this.ledger.threads.get(0));
		await().atMost(WAIT).until(() -> !this.ledger.threads.get(0).isAlive());
	}

	@Test
	void aStoppedPurgeStartsAgainOnANewThread() {
		this.purge.stop();
		assertThat(this.purge.isRunning()).isFalse();
		this.purge.start();
		try {
			await().atMost(WAIT).until(() -> !this.ledger.threads.isEmpty());
		}
		finally {
			this.purge.stop();
		}
		Thread first = this.ledger.threads.get(0);
		await().atMost(WAIT).until(() -> !first.isAlive());
		int purgesBefore = this.ledger.threads.size();
		this.purge.start();
		try {
			assertThat(this.purge.isRunning()).isTrue();
			await().atMost(WAIT).until(() -> this.ledger.threads.size() > purgesBefore);
		}
		finally {
			this.purge.stop();
			this.purge.stop();
		}
		assertThat(this.ledger.threads.get(this.ledger.threads.size() - 1)).isNotSameAs(first);
	}

	private static final class ThreadRecordingLedger implements ConsentLedger {

		private final List<Thread> threads = new CopyOnWriteArrayList<>();

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
			this.threads.add(Thread.currentThread());
			return 0;
		}

	}

}
