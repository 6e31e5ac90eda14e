package dev.cxp.internal.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentRecord;

/**
 * A {@link ConsentLedger} behind a {@link ConsentLedgerGuard}.
 */
final class GuardedConsentLedger implements ConsentLedger {

	private final ConsentLedger ledger;

	private final ConsentLedgerGuard guard;

	GuardedConsentLedger(ConsentLedger ledger, ConsentLedgerGuard guard) {
		this.ledger = ledger;
		this.guard = guard;
	}

	@Override
	public void append(ConsentRecord record) {
		this.guard.admitWrite();
		this.guard.call(() -> {
			this.ledger.append(record);
			return null;
		});
	}

	@Override
	public Optional<ConsentRecord> findByReceiptId(String receiptId) {
		return this.guard.call(() -> this.ledger.findByReceiptId(receiptId));
	}

	@Override
	public boolean supportsUserLinks() {
		return this.ledger.supportsUserLinks();
	}

	@Override
	public Optional<ConsentRecord> findLatestByUserLink(String userLink) {
		return this.guard.call(() -> this.ledger.findLatestByUserLink(userLink));
	}

	@Override
	public List<ConsentRecord> findByUserLink(String userLink, int limit) {
		return this.guard.call(() -> this.ledger.findByUserLink(userLink, limit));
	}

	@Override
	public long unlinkUser(String userLink) {
		return this.guard.call(() -> this.ledger.unlinkUser(userLink));
	}

	@Override
	public long deleteOlderThan(Instant cutoff) {
		return this.ledger.deleteOlderThan(cutoff);
	}

}
