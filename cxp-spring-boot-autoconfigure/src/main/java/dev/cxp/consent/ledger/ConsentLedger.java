package dev.cxp.consent.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * Where consent records are kept: append-only from the starter's side, read back by receipt id, and
 * purged once they are older than the retention period. Implementations must be safe for concurrent use.
 * An application may declare its own bean of this type to keep the records elsewhere.
 *
 * @since 0.2.0
 */
public interface ConsentLedger {

	/**
	 * Append a record.
	 * @param record the record; its receipt id is not yet in the ledger
	 * @throws RuntimeException when the record could not be written, for instance because the database is
	 * down; callers in the starter contain and count it
	 */
	void append(ConsentRecord record);

	/**
	 * Find the record with the given receipt id.
	 * @param receiptId a receipt id of 32 lowercase hexadecimal characters
	 * @return the record, or empty when there is none
	 */
	Optional<ConsentRecord> findByReceiptId(String receiptId);

	/**
	 * Delete every record whose timestamp is strictly before the given instant.
	 * @param cutoff the oldest timestamp to keep
	 * @return how many records were deleted
	 */
	long deleteOlderThan(Instant cutoff);

}
