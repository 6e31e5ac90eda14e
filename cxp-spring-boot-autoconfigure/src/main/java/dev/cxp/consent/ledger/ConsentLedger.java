package dev.cxp.consent.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where consent records are kept: append-only from the starter's side, read back by receipt id, and
 * purged once they are older than the retention period. Implementations must be safe for concurrent use.
 * An application may declare its own bean of this type to keep the records elsewhere.
 * <p>
 * When consent follows the signed-in user ({@code cxp.consent.follow-user.enabled}), records carry a
 * {@link ConsentRecord#userLink() user link}, and the ledger must also find and unlink a user's records. The
 * methods that do are default methods, so that a ledger written for 0.3 still compiles: such a ledger answers
 * {@code false} to {@link #supportsUserLinks()}, and the starter refuses to start with consent following the user
 * rather than silently not following it.
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

	/**
	 * Whether this ledger keeps the user link of its records, and implements the methods that read and remove it.
	 * @return {@code false} unless the ledger overrides it
	 * @since 0.3.0
	 */
	default boolean supportsUserLinks() {
		return false;
	}

	/**
	 * The latest record linked to a user: the one with the latest timestamp. Called once per sign-in, so it
	 * should be one indexed read.
	 * @param userLink the user's key, 64 lowercase hexadecimal characters
	 * @return the record, or empty when none is linked to the user
	 * @throws UnsupportedOperationException unless {@link #supportsUserLinks()}
	 * @since 0.3.0
	 */
	default Optional<ConsentRecord> findLatestByUserLink(String userLink) {
		throw new UnsupportedOperationException("This consent ledger keeps no user links");
	}

	/**
	 * The records linked to a user, latest first.
	 * @param userLink the user's key, 64 lowercase hexadecimal characters
	 * @param limit the most records returned
	 * @return the records, possibly none
	 * @throws UnsupportedOperationException unless {@link #supportsUserLinks()}
	 * @since 0.3.0
	 */
	default List<ConsentRecord> findByUserLink(String userLink, int limit) {
		throw new UnsupportedOperationException("This consent ledger keeps no user links");
	}

	/**
	 * Remove a user's link from every record linked to them. The records stay, as pseudonymous proof of each
	 * choice, until the retention purge deletes them; this is the one change the starter makes to a record.
	 * @param userLink the user's key, 64 lowercase hexadecimal characters
	 * @return how many records were unlinked
	 * @throws UnsupportedOperationException unless {@link #supportsUserLinks()}
	 * @since 0.3.0
	 */
	default long unlinkUser(String userLink) {
		throw new UnsupportedOperationException("This consent ledger keeps no user links");
	}

}
