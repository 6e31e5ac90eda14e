package dev.cxp.internal.ledger;

import java.time.Instant;
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
	public long deleteOlderThan(Instant cutoff) {
		return this.ledger.deleteOlderThan(cutoff);
	}

}
