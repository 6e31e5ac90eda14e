package dev.cxp.internal.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WriteRateLimit}: a token bucket on the injected clock, exact under contention.
 */
class WriteRateLimitTests {

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T00:00:00Z");

	@Test
	void burstAtOnceThenOneWritePerInterval() {
		WriteRateLimit limit = new WriteRateLimit(this.clock, 10, 100);
		assertThat(admitted(limit, 150)).isEqualTo(100);
		this.clock.advance(Duration.ofMillis(99));
		assertThat(limit.tryAcquire()).isFalse();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(limit.tryAcquire()).isTrue();
		assertThat(limit.tryAcquire()).isFalse();
	}

	@Test
	void sustainedFloodIsAdmittedAtTheRateAfterTheBurst() {
		WriteRateLimit limit = new WriteRateLimit(this.clock, 10, 100);
		int admitted = admitted(limit, 150);
		for (int millis = 1; millis <= 10_000; millis++) {
			this.clock.advance(Duration.ofMillis(1));
			admitted += admitted(limit, 3);
		}
		// 100 at once, then one every 100 ms for 10 s.
		assertThat(admitted).isEqualTo(200);
	}

	// Instants far from the epoch, one of them the second at which twice its nanoseconds since the epoch reach
	// Long.MAX_VALUE: the bucket counts time since the limit was created, so that no clock overflows it.
	@ParameterizedTest
	@ValueSource(longs = { -2_208_988_800L, 0, 4_611_686_018L, 253_402_300_799L })
	void burstAndIntervalHoldWhereverTheClockStarts(long epochSecond) {
		MutableClock clock = new MutableClock(Instant.ofEpochSecond(epochSecond));
		WriteRateLimit limit = new WriteRateLimit(clock, 1, 2);
		assertThat(admitted(limit, 5)).isEqualTo(2);
		clock.advance(Duration.ofMillis(999));
		assertThat(limit.tryAcquire()).isFalse();
		clock.advance(Duration.ofMillis(1));
		assertThat(admitted(limit, 5)).isEqualTo(1);
	}

	@Test
	void quietPeriodRefillsTheBurstAndNoMore() {
		WriteRateLimit limit = new WriteRateLimit(this.clock, 2, 5);
		assertThat(admitted(limit, 10)).isEqualTo(5);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(admitted(limit, 10)).isEqualTo(2);
		this.clock.advance(Duration.ofHours(1));
		assertThat(admitted(limit, 10)).isEqualTo(5);
	}

	@Test
	void clockSetBackDoesNotStopWrites() {
		WriteRateLimit limit = new WriteRateLimit(this.clock, 1, 3);
		assertThat(admitted(limit, 3)).isEqualTo(3);
		this.clock.advance(Duration.ofHours(-1));
		assertThat(limit.tryAcquire()).isTrue();
	}

	@Test
	void boundsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WriteRateLimit(this.clock, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new WriteRateLimit(this.clock, 1, 0));
	}

	@Test
	void threadsRacingForTheBurstAreAdmittedExactlyTheBurst() throws Exception {
		WriteRateLimit limit = new WriteRateLimit(this.clock, 5, 250);
		int threads = 16;
		int triesEach = 1000;
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		AtomicInteger admitted = new AtomicInteger();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				try {
					ready.countDown();
					go.await();
					admitted.addAndGet(admitted(limit, triesEach));
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			});
			worker.start();
			workers.add(worker);
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		for (Thread worker : workers) {
			worker.join(TimeUnit.SECONDS.toMillis(30));
			assertThat(worker.isAlive()).isFalse();
		}
		assertThat(failure.get()).isNull();
		assertThat(admitted.get()).isEqualTo(250);
	}

	private static int admitted(WriteRateLimit limit, int tries) {
		int admitted = 0;
		for (int i = 0; i < tries; i++) {
			if (limit.tryAcquire()) {
				admitted++;
			}
		}
		return admitted;
	}

}
