package dev.cxp.internal.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.ledger.ConsentLedgerThrottledException.Reason;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConsentLedgerWriter}: what a record holds, and failures contained.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsentLedgerWriterTests {

	private static final String VISITOR = "0123456789abcdef0123456789abcdef";

	private final RecordingLedger ledger = new RecordingLedger();

	private final ConsentLedgerCounters counters = new ConsentLedgerCounters();

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:15:30.123456789Z");

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cxp/consent");

	@Test
	void recordHoldsTheChoiceAndNoAddressByDefault() {
		this.request.setRemoteAddr("203.0.113.77");
		this.request.addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");
		String receipt = writer(null, false).record(TestExchanges.exchange(this.request), ConsentMethod.BANNER, "2026-02",
				Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.DENIED), "EEA", VISITOR);
		ConsentRecord record = this.ledger.only();
		assertThat(record.receiptId()).isEqualTo(receipt).matches("[0-9a-f]{32}");
		assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
		assertThat(record.revision()).isEqualTo("2026-02");
		assertThat(record.purposes().keySet()).containsExactly("ads", "analytics");
		assertThat(record.method()).isEqualTo(ConsentMethod.BANNER);
		assertThat(record.region()).isEqualTo("EEA");
		assertThat(record.visitor()).isEqualTo(VISITOR);
		assertThat(record.userAgentHash()).isEqualTo("45a74136d98d9171eb05504c41672cff319227feae66b1ad2e3d7baf05698156");
		assertThat(record.ipPrefix()).isNull();
		assertThat(this.counters.records()).isEqualTo(1);
	}

	@Test
	void visitorIdIsReplacedByItsHmacWhenAKeyIsSet() {
		writer("ledger-key", false).record(TestExchanges.exchange(this.request), ConsentMethod.API, "1", Map.of(), null, VISITOR);
		assertThat(this.ledger.only().visitor())
			.isEqualTo("ca0e09bb37e9143977053a05f56e119814b3e3a576e26045e3e21acaa4cbef5a");
	}

	@Test
	void everyVisitorIdTheStarterAcceptsIsKeptWhole() {
		String browserSdkId = "GA1.2.1234567890.1700000000";
		String longest = "a.b-c_".repeat(21) + "xy";
		assertThat(longest).hasSize(128);
		ConsentLedgerWriter writer = writer(null, false);
		writer.record(TestExchanges.exchange(this.request), ConsentMethod.API, "1", Map.of(), null, browserSdkId);
		writer.record(TestExchanges.exchange(this.request), ConsentMethod.API, "1", Map.of(), null, longest);
		writer.record(TestExchanges.exchange(this.request), ConsentMethod.API, "1", Map.of(), null, longest + "z");
		assertThat(this.ledger.records).extracting(ConsentRecord::visitor).containsExactly(browserSdkId, longest, null);
		assertThat(this.counters.appendErrors()).isZero();
	}

	@Test
	void longVisitorIdWithDotsIsReplacedByItsHmacWhenAKeyIsSet() {
		String longest = "a.b-c_".repeat(21) + "xy";
		writer("ledger-key", false).record(TestExchanges.exchange(this.request), ConsentMethod.API, "1", Map.of(), null, longest);
		assertThat(this.ledger.only().visitor()).matches("[0-9a-f]{64}");
	}

	@Test
	void blankVisitorIdKeyIsRefused() {
		for (String blank : new String[] { "", " ", "\t\n" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> writer(blank, false))
				.withMessageContaining("visitor id key");
		}
	}

	@Test
	void choiceRefusedByTheGuardIsCountedApartFromFailures(CapturedOutput output) {
		this.request.addHeader("User-Agent", "agent-marker-7f3a");
		try (ConsentLedgerGuard guard = new ConsentLedgerGuard(this.clock, Duration.ofSeconds(5), 4, 1, 2)) {
			ConsentLedgerWriter writer = new ConsentLedgerWriter(guard.guard(this.ledger), this.counters,
					new SecureIdGenerator(), this.clock, null, false);
			List<String> receipts = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				receipts.add(writer.record(TestExchanges.exchange(this.request), ConsentMethod.WITHDRAWAL, "1",
						Map.of("analytics", ConsentState.DENIED), null, VISITOR));
			}
			assertThat(receipts).filteredOn(Objects::nonNull).hasSize(2);
			assertThat(receipts.subList(2, 5)).containsOnlyNulls();
		}
		assertThat(this.ledger.records).hasSize(2);
		assertThat(this.counters.records()).isEqualTo(2);
		assertThat(this.counters.throttledWrites(Reason.RATE)).isEqualTo(3);
		assertThat(this.counters.throttledWrites(Reason.CONCURRENCY)).isZero();
		assertThat(this.counters.appendErrors()).isZero();
		assertThat(output.getAll()).containsOnlyOnce("write rate bound")
			.doesNotContain("agent-marker-7f3a")
			.doesNotContain(VISITOR);
	}

	@Test
	void truncatedAddressOnlyWhenAskedFor() {
		this.request.setRemoteAddr("2001:db8:abcd:12::1");
		writer(null, true).record(TestExchanges.exchange(this.request), ConsentMethod.API, "1", Map.of(), null, null);
		assertThat(this.ledger.only().ipPrefix()).isEqualTo("2001:db8:abcd::/48");
	}

	@Test
	void malformedValuesAreLeftOutRatherThanStored() {
		this.request.setRemoteAddr("evil.example\r\nX: y");
		writer(null, true).record(TestExchanges.exchange(this.request), ConsentMethod.API, "1", Map.of(), "GB\r\n", "<script>");
		ConsentRecord record = this.ledger.only();
		assertThat(record.ipPrefix()).isNull();
		assertThat(record.region()).isNull();
		assertThat(record.visitor()).isNull();
		assertThat(record.userAgentHash()).isNull();
	}

	@Test
	void userAgentIsHashedFromABoundedPrefix() {
		this.request.addHeader("User-Agent", "x".repeat(20_000));
		writer(null, false).record(TestExchanges.exchange(this.request), ConsentMethod.API, "1", Map.of(), null, null);
		assertThat(this.ledger.only().userAgentHash())
			.isEqualTo("49abd65bbf7f7e40c7055093ed2e3fd75f2f602f2c5fcf955c213e3135eb03f7");
	}

	@Test
	void failingLedgerIsCountedAndLoggedWithoutRequestData(CapturedOutput output) {
		this.ledger.failWith(new IllegalStateException("connection to db-secret-host refused"));
		this.request.addHeader("User-Agent", "agent-marker-7f3a");
		ConsentLedgerWriter writer = writer(null, true);
		for (int i = 0; i < 3; i++) {
			assertThat(writer.record(TestExchanges.exchange(this.request), ConsentMethod.WITHDRAWAL, "1",
					Map.of("analytics", ConsentState.DENIED), null, VISITOR))
				.isNull();
		}
		assertThat(this.counters.appendErrors()).isEqualTo(3);
		assertThat(this.counters.records()).isZero();
		String logged = output.getAll();
		assertThat(logged).containsOnlyOnce("could not be written to the ledger")
			.contains("IllegalStateException")
			.doesNotContain("db-secret-host")
			.doesNotContain("agent-marker-7f3a")
			.doesNotContain(VISITOR);
	}

	@Test
	void invalidChoiceIsCountedNotThrown() {
		assertThat(writer(null, false).record(TestExchanges.exchange(this.request), ConsentMethod.API, "revision with spaces", Map.of(), null,
				null))
			.isNull();
		assertThat(this.counters.appendErrors()).isEqualTo(1);
		assertThat(this.ledger.records).isEmpty();
	}

	@Test
	void generatedRequestValuesNeverFailARecordNorReachItVerbatim() {
		long seed = System.nanoTime();
		java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
		ConsentLedgerWriter writer = writer(null, true);
		for (int i = 0; i < 2000; i++) {
			MockHttpServletRequest generated = new MockHttpServletRequest("PUT", "/cxp/consent");
			String userAgent = generated(random);
			generated.addHeader("User-Agent", userAgent);
			generated.setRemoteAddr(generated(random));
			String region = generated(random);
			String visitor = generated(random);
			String receipt = writer.record(TestExchanges.exchange(generated), ConsentMethod.API, "1", Map.of("analytics", ConsentState.GRANTED),
					region, visitor);
			ConsentRecord record = this.ledger.records.get(this.ledger.records.size() - 1);
			assertThat(receipt).as("seed %d", seed).isEqualTo(record.receiptId());
			assertThat(record.userAgentHash()).as("seed %d", seed).hasSize(64);
			assertThat(record.region()).as("seed %d", seed).isIn(null, region);
			assertThat(record.visitor()).as("seed %d", seed).isIn(null, visitor);
			if (record.region() != null) {
				assertThat(region).as("seed %d", seed).matches("[A-Za-z0-9-]{1,16}");
			}
			if (record.visitor() != null) {
				assertThat(visitor).as("seed %d", seed).matches("[A-Za-z0-9_.-]{1,128}");
			}
		}
		assertThat(this.counters.appendErrors()).as("seed %d", seed).isZero();
	}

	private static String generated(java.util.SplittableRandom random) {
		String alphabet = "aZ09-_.:%/ \r\n\t\u0000\u00e9\u202e<>\"'=,;[]";
		StringBuilder value = new StringBuilder();
		int length = random.nextInt(10) == 0 ? random.nextInt(2000) : random.nextInt(40);
		for (int i = 0; i < length; i++) {
			value.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return value.toString();
	}

	private ConsentLedgerWriter writer(String key, boolean truncatedIp) {
		return new ConsentLedgerWriter(this.ledger, this.counters, new SecureIdGenerator(), this.clock, key,
				truncatedIp);
	}

	private static final class RecordingLedger implements ConsentLedger {

		private final List<ConsentRecord> records = new CopyOnWriteArrayList<>();

		private RuntimeException failure;

		void failWith(RuntimeException failure) {
			this.failure = failure;
		}

		ConsentRecord only() {
			assertThat(this.records).hasSize(1);
			return this.records.get(0);
		}

		@Override
		public void append(ConsentRecord record) {
			if (this.failure != null) {
				throw this.failure;
			}
			this.records.add(record);
		}

		@Override
		public Optional<ConsentRecord> findByReceiptId(String receiptId) {
			return this.records.stream().filter((record) -> record.receiptId().equals(receiptId)).findFirst();
		}

		@Override
		public long deleteOlderThan(Instant cutoff) {
			return 0;
		}

	}

}
