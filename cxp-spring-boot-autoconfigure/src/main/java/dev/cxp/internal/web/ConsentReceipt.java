package dev.cxp.internal.web;

import java.util.Map;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentRecord;

/**
 * What the receipt endpoint, {@code GET {cxp.web.base-path}/consent/receipt}, answers: the visitor's own last
 * consent record, and nothing else of it.
 *
 * @param receiptId the record's receipt id
 * @param timestamp when the choice was recorded, ISO-8601 in UTC
 * @param revision the policy revision the choice was given under
 * @param purposes the state of each purpose after the choice
 * @since 0.2.0
 */
public record ConsentReceipt(String receiptId, String timestamp, String revision,
		Map<String, ConsentState> purposes) {

	/**
	 * The detail of the 404 problem the receipt endpoint answers when the application keeps no ledger.
	 */
	public static final String LEDGER_OFF = "The consent ledger is off, so there are no receipts: it needs a "
			+ "DataSource and cxp.consent.ledger.enabled not set to false";

	/**
	 * The receipt of a record.
	 * @param record the record
	 * @return its receipt
	 */
	public static ConsentReceipt of(ConsentRecord record) {
		return new ConsentReceipt(record.receiptId(), record.timestamp().toString(), record.revision(),
				record.purposes());
	}

}
