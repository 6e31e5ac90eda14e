package dev.cxp.internal.ledger;

import java.util.Locale;

/**
 * Thrown instead of calling the consent ledger when a bound of the {@link ConsentLedgerGuard} is reached: the
 * choice then stands without a record, as when the ledger fails, but nothing was wrong with the ledger.
 *
 * @since 0.3.0
 */
public class ConsentLedgerThrottledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	/**
	 * Create an exception.
	 * @param reason which bound was reached
	 */
	public ConsentLedgerThrottledException(Reason reason) {
		super(reason.description);
		this.reason = reason;
	}

	/**
	 * Which bound was reached.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * The bounds of the {@link ConsentLedgerGuard}.
	 */
	public enum Reason {

		/**
		 * More records were to be appended than {@code cxp.consent.ledger.max-writes-per-second} and
		 * {@code cxp.consent.ledger.max-write-burst} allow.
		 */
		RATE("The consent ledger's write rate bound was reached"),

		/**
		 * {@code cxp.consent.ledger.max-concurrent-calls} calls of the ledger were already in flight.
		 */
		CONCURRENCY("The consent ledger's bound on concurrent calls was reached");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		/**
		 * The value of the meters' {@code reason} tag.
		 * @return {@code rate} or {@code concurrency}
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
