package dev.cxp.internal.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.ledger.ConsentLedgerPurge;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.user.UserVisitors;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The behaviour every database must give {@link JdbcConsentLedger}, run against each one by a subclass.
 */
abstract class AbstractJdbcConsentLedgerTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");

	private final SecureIdGenerator ids = new SecureIdGenerator();

	protected JdbcConsentLedger ledger;

	protected JdbcClient jdbc;

	abstract DataSource dataSource();

	@BeforeEach
	void createSchemaAndEmptyTable() {
		DataSource dataSource = dataSource();
		// Twice: the scripts must be safe to run on every start-up.
		for (int i = 0; i < 2; i++) {
			ConsentLedgerSchemaInitializer initializer = new ConsentLedgerSchemaInitializer(dataSource,
					DatabaseInitializationMode.ALWAYS);
			initializer.setResourceLoader(new DefaultResourceLoader());
			assertThat(initializer.initializeDatabase()).isTrue();
		}
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbc.sql("DELETE FROM cxp_consent_record").update();
		this.jdbc.sql("DELETE FROM cxp_user_visitor").update();
		this.ledger = new JdbcConsentLedger(dataSource);
	}

	@Test
	void appendedRecordIsFoundByItsReceiptIdWithEveryField() {
		Map<String, ConsentState> purposes = new LinkedHashMap<>();
		purposes.put("marketing", ConsentState.DENIED);
		purposes.put("analytics", ConsentState.GRANTED);
		ConsentRecord record = new ConsentRecord(this.ids.receiptId(), NOW, "2026-02", purposes, ConsentMethod.BANNER,
				"EEA", "0123456789abcdef0123456789abcdef", "a".repeat(64), "203.0.113.0/24");
		this.ledger.append(record);
		ConsentRecord found = this.ledger.findByReceiptId(record.receiptId()).orElseThrow();
		assertThat(found).isEqualTo(record);
		assertThat(found.purposes().keySet()).containsExactly("analytics", "marketing");
		assertThat(this.jdbc.sql("SELECT purposes FROM cxp_consent_record").query(String.class).single())
			.isEqualTo("analytics=GRANTED,marketing=DENIED");
	}

	@Test
	void userLinkRoundTripsAndFindsTheUsersLatestRecordFirst() {
		String alice = "a".repeat(64);
		String bob = "b".repeat(64);
		ConsentRecord first = record(NOW.minus(Duration.ofDays(2))).withUserLink(alice);
		ConsentRecord latest = new ConsentRecord(this.ids.receiptId(), NOW, "1", Map.of("analytics", ConsentState.DENIED),
				ConsentMethod.WITHDRAWAL, null, null, null, null, alice);
		ConsentRecord bobs = record(NOW.plus(Duration.ofDays(1))).withUserLink(bob);
		List.of(first, latest, bobs, record(NOW.plus(Duration.ofDays(2)))).forEach(this.ledger::append);
		assertThat(this.ledger.supportsUserLinks()).isTrue();
		assertThat(this.ledger.findLatestByUserLink(alice)).contains(latest);
		assertThat(this.ledger.findByUserLink(alice, 10)).containsExactly(latest, first);
		assertThat(this.ledger.findByUserLink(alice, 1)).containsExactly(latest);
		assertThat(this.ledger.findLatestByUserLink("c".repeat(64))).isEmpty();
		assertThat(this.ledger.findLatestByUserLink("' OR '1'='1")).isEmpty();
	}

	@Test
	void unlinkingAUserKeepsTheirRecordsWithoutTheLink() {
		String alice = "a".repeat(64);
		ConsentRecord first = record(NOW.minus(Duration.ofDays(2))).withUserLink(alice);
		ConsentRecord second = record(NOW).withUserLink(alice);
		ConsentRecord bobs = record(NOW).withUserLink("b".repeat(64));
		List.of(first, second, bobs).forEach(this.ledger::append);
		assertThat(this.ledger.unlinkUser(alice)).isEqualTo(2);
		assertThat(this.ledger.findLatestByUserLink(alice)).isEmpty();
		assertThat(this.ledger.findByReceiptId(first.receiptId())).contains(first.withUserLink(null));
		assertThat(this.ledger.findByReceiptId(second.receiptId())).contains(second.withUserLink(null));
		assertThat(this.ledger.findByReceiptId(bobs.receiptId())).contains(bobs);
		assertThat(this.ledger.unlinkUser(alice)).isZero();
	}

	@Test
	void visitorIdsOfAUserAreKeptOnlyUntilTheyExpire() {
		MutableClock clock = new MutableClock(NOW);
		UserVisitors visitors = new UserVisitors(this.jdbc, clock, Duration.ofMinutes(30));
		String alice = "a".repeat(64);
		visitors.link(alice, "visitor-on-a");
		visitors.link(alice, "visitor-on-a");
		visitors.link("b".repeat(64), "visitor-of-bob");
		clock.advance(Duration.ofMinutes(45));
		visitors.link(alice, "visitor-on-b");
		assertThat(visitors.visitorIds(alice)).containsExactly("visitor-on-b", "visitor-on-a");
		clock.advance(Duration.ofMinutes(16));
		assertThat(visitors.visitorIds(alice)).containsExactly("visitor-on-b");
		// The next write, a minute or more after the last purge, deletes the rows that expired
		visitors.link(alice, "visitor-on-b");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM cxp_user_visitor").query(Long.class).single()).isEqualTo(1);
		assertThat(visitors.unlink(alice)).isEqualTo(1);
		assertThat(visitors.visitorIds(alice)).isEmpty();
	}

	@Test
	void recordWithoutOptionalFieldsRoundTrips() {
		ConsentRecord record = new ConsentRecord(this.ids.receiptId(), NOW, "1", Map.of(), ConsentMethod.WITHDRAWAL,
				null, null, null, null);
		this.ledger.append(record);
		assertThat(this.ledger.findByReceiptId(record.receiptId())).contains(record);
	}

	@Test
	void unknownOrMalformedReceiptIdsFindNothing() {
		this.ledger.append(record(NOW));
		assertThat(this.ledger.findByReceiptId(this.ids.receiptId())).isEmpty();
		assertThat(this.ledger.findByReceiptId("' OR '1'='1")).isEmpty();
		assertThat(this.ledger.findByReceiptId("")).isEmpty();
	}

	@Test
	void receiptIdIsUnique() {
		ConsentRecord record = record(NOW);
		this.ledger.append(record);
		assertThatException().isThrownBy(() -> this.ledger.append(record));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void purgeDeletesOnlyRecordsOlderThanTheCutoff() {
		ConsentRecord old = record(NOW.minus(Duration.ofDays(1096)));
		ConsentRecord atCutoff = record(NOW.minus(Duration.ofDays(1095)));
		ConsentRecord recent = record(NOW.minus(Duration.ofDays(1)));
		List.of(old, atCutoff, recent).forEach(this.ledger::append);
		ConsentLedgerCounters counters = new ConsentLedgerCounters();
		ConsentLedgerPurge purge = new ConsentLedgerPurge(this.ledger, counters, new MutableClock(NOW),
				Duration.ofDays(1095), Duration.ofDays(1));
		assertThat(purge.purgeNow()).isEqualTo(1);
		assertThat(this.ledger.findByReceiptId(old.receiptId())).isEmpty();
		assertThat(this.ledger.findByReceiptId(atCutoff.receiptId())).isPresent();
		assertThat(this.ledger.findByReceiptId(recent.receiptId())).isPresent();
		assertThat(counters.purgedRecords()).isEqualTo(1);
		assertThat(purge.purgeNow()).isZero();
	}

	@Test
	void longestVisitorIdWithDotsRoundTrips() {
		String longest = "a.b-c_".repeat(21) + "xy";
		ConsentRecord record = new ConsentRecord(this.ids.receiptId(), NOW, "1", Map.of(), ConsentMethod.API, null,
				longest, null, null);
		this.ledger.append(record);
		assertThat(this.ledger.findByReceiptId(record.receiptId())).contains(record);
	}

	@Test
	void purgeDeletesEveryOlderRecordSliceBySliceAcrossGaps() {
		Instant cutoff = NOW.minus(Duration.ofDays(1095));
		List<ConsentRecord> older = new ArrayList<>();
		older.add(record(cutoff.minus(Duration.ofDays(700))));
		for (int minute = 1; minute <= 90; minute += 3) {
			older.add(record(cutoff.minus(Duration.ofMinutes(minute))));
		}
		older.add(record(cutoff.minusNanos(1000)));
		older.forEach(this.ledger::append);
		ConsentRecord atCutoff = record(cutoff);
		ConsentRecord recent = record(NOW);
		this.ledger.append(atCutoff);
		this.ledger.append(recent);
		assertThat(this.ledger.deleteOlderThan(cutoff)).isEqualTo(older.size());
		assertThat(count()).isEqualTo(2);
		assertThat(this.ledger.findByReceiptId(atCutoff.receiptId())).isPresent();
		assertThat(this.ledger.findByReceiptId(recent.receiptId())).isPresent();
		assertThat(this.ledger.deleteOlderThan(cutoff)).isZero();
	}

	@Test
	void sixtyFourParallelChoicesGiveSixtyFourRecords() throws Exception {
		ConsentLedgerCounters counters = new ConsentLedgerCounters();
		ConsentLedgerWriter writer = new ConsentLedgerWriter(this.ledger, counters, this.ids, new MutableClock(NOW),
				"secret", false);
		int threads = 64;
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		Set<String> receipts = ConcurrentHashMap.newKeySet();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String visitor = String.format("%032x", i);
			Thread worker = new Thread(() -> {
				try {
					ready.countDown();
					go.await();
					MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cxp/consent");
					request.addHeader("User-Agent", "Browser " + visitor);
					String receipt = writer.record(TestExchanges.exchange(request), ConsentMethod.BANNER, "1",
							Map.of("analytics", ConsentState.GRANTED), null, visitor);
					if (receipt != null) {
						receipts.add(receipt);
					}
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
			worker.join(TimeUnit.SECONDS.toMillis(60));
			assertThat(worker.isAlive()).isFalse();
		}
		assertThat(failure.get()).isNull();
		assertThat(receipts).hasSize(threads);
		assertThat(counters.records()).isEqualTo(threads);
		assertThat(counters.appendErrors()).isZero();
		assertThat(count()).isEqualTo(threads);
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT visitor) FROM cxp_consent_record").query(Long.class).single())
			.isEqualTo(threads);
		for (String receipt : receipts) {
			assertThat(this.ledger.findByReceiptId(receipt)).isPresent();
		}
	}

	protected long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM cxp_consent_record").query(Long.class).single();
	}

	protected ConsentRecord record(Instant timestamp) {
		return new ConsentRecord(this.ids.receiptId(), timestamp, "1", Map.of("analytics", ConsentState.GRANTED),
				ConsentMethod.API, null, null, null, null);
	}

}
