package dev.cxp.internal.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.cxp.internal.consent.ConsentCookie;
import dev.cxp.internal.consent.ConsentCookieFormat;

/**
 * Finds the receipt id of the visitor's last choice in their consent cookies, for the receipt endpoint of either
 * web stack.
 */
public final class ConsentReceiptIds {

	private ConsentReceiptIds() {
	}

	/**
	 * The receipt id the consent cookies carry.
	 * @param format the consent cookie's format
	 * @param values every value of the consent cookie the request carries
	 * @return the receipt id, or {@code null} when no cookie carries one, or variants of the cookie name different
	 * ones (which one is the visitor's last is then not known)
	 */
	public static @Nullable String of(ConsentCookieFormat format, List<String> values) {
		Set<String> receipts = new LinkedHashSet<>();
		for (String value : values) {
			ConsentCookie parsed = format.parse(value);
			if (parsed != null && parsed.receiptId() != null) {
				receipts.add(parsed.receiptId());
			}
		}
		return (receipts.size() == 1) ? receipts.iterator().next() : null;
	}

}
