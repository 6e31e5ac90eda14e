package dev.cxp.internal.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GuardedConsentLedger}: the user-link calls reach the guarded ledger and answer as it does.
 */
class GuardedConsentLedgerTests {

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T00:00:00Z");

	private final ConsentLedgerGuard guard = new ConsentLedgerGuard(this.clock, Duration.ofSeconds(30), 2, 10, 10);

	@AfterEach
	void closeGuard() {
		this.guard.close();
	}

	@Test
	void ledgerWithUserLinksIsSaidToHaveThem() {
		assertThat(this.guard.guard(new UserLinkLedger(record())).supportsUserLinks()).isTrue();
	}

	@Test
	void ledgerWithoutUserLinksIsSaidNotToHaveThem() {
		assertThat(this.guard.guard(new EmptyLedger()).supportsUserLinks()).isFalse();
	}

	@Test
	void latestRecordOfAUserIsFoundOnTheGuardsThread() {
		ConsentRecord latest = record();
		UserLinkLedger ledger = new UserLinkLedger(latest);
		assertThat(this.guard.guard(ledger).findLatestByUserLink("user-link")).contains(latest);
		assertThat(ledger.askedFor).isEqualTo("user-link");
		assertThat(ledger.askedOn).isNotSameAs(Thread.currentThread());
		assertThat(ledger.askedOn.getName()).startsWith("cxp-consent-ledger-");
	}

	@Test
	void recordsOfAUserAreListedOnTheGuardsThread() {
		ConsentRecord latest = record();
		UserLinkLedger ledger = new UserLinkLedger(latest);
		assertThat(this.guard.guard(ledger).findByUserLink("user-link", 20)).containsExactly(latest);
		assertThat(ledger.askedFor).isEqualTo("user-link");
		assertThat(ledger.askedOn.getName()).startsWith("cxp-consent-ledger-");
	}

	@Test
	void unlinkingAUserSaysHowManyRecordsTheLedgerUnlinked() {
		UserLinkLedger ledger = new UserLinkLedger(record());
		assertThat(this.guard.guard(ledger).unlinkUser("user-link")).isEqualTo(3);
		assertThat(ledger.askedFor).isEqualTo("user-link");
		assertThat(ledger.askedOn.getName()).startsWith("cxp-consent-ledger-");
	}

	private ConsentRecord record() {
		return new ConsentRecord("0123456789abcdef0123456789abcdef", this.clock.instant(), "1",
				Map.of("analytics", ConsentState.GRANTED), ConsentMethod.API, null, null, null, null);
	}

	/**
	 * A ledger that keeps no records and no user links.
	 */
	private static class EmptyLedger implements ConsentLedger {

		@Override
		public void append(ConsentRecord record) {
		}

		@Override
		public Optional<ConsentRecord> findByReceiptId(String receiptId) {
			return Optional.empty();
		}

		@Override
		public long deleteOlderThan(Instant cutoff) {
			return 0;
		}

	}

	/**
	 * A ledger that keeps user links, knows one record, and says which user it was last asked about, on which thread.
	 */
	private static final class UserLinkLedger extends EmptyLedger {

		private final ConsentRecord latest;

		private volatile String askedFor;

		private volatile Thread askedOn;

		UserLinkLedger(ConsentRecord latest) {
			this.latest = latest;
		}

		@Override
		public boolean supportsUserLinks() {
			return true;
		}

		@Override
		public Optional<ConsentRecord> findLatestByUserLink(String userLink) {
			this.askedFor = userLink;
			this.askedOn = Thread.currentThread();
			return Optional.of(this.latest);
		}

		@Override
		public List<ConsentRecord> findByUserLink(String userLink, int limit) {
			this.askedFor = userLink;
			this.askedOn = Thread.currentThread();
			return List.of(this.latest);
		}

		@Override
		public long unlinkUser(String userLink) {
			this.askedFor = userLink;
			this.askedOn = Thread.currentThread();
			return 3;
		}

	}

}
