package dev.cxp.internal.ledger;

import java.time.Duration;

/**
 * Thrown by the {@link ConsentLedgerGuard} when a call of the consent ledger has not answered within
 * {@code cxp.consent.ledger.timeout}. The call itself goes on, on the guard's thread, until the ledger's own
 * statement timeout ends it.
 *
 * @since 0.3.0
 */
public class ConsentLedgerTimeoutException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param timeout how long the caller waited
	 */
	public ConsentLedgerTimeoutException(Duration timeout) {
		super("The consent ledger did not answer within " + timeout);
	}

}
