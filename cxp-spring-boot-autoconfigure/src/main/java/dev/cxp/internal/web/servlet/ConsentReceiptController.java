package dev.cxp.internal.web.servlet;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.web.ConsentProblem;
import dev.cxp.internal.web.ConsentReceipt;
import dev.cxp.internal.web.ConsentReceiptIds;

/**
 * {@code GET {cxp.web.base-path}/consent/receipt}: the visitor's own last consent record, found by the receipt
 * id in their consent cookie and by nothing else, so that no other visitor's record can be asked for. Answers
 * 404 when the cookie carries no receipt (or several different ones) or the ledger has no such record, and
 * 503 while the ledger cannot be read, and 404 saying so when the application keeps no ledger. Shows the receipt
 * id, timestamp, revision and purposes only. Answers are never cached.
 */
@RestController
@RequestMapping("${cxp.web.base-path:/cxp}")
public class ConsentReceiptController {

	private static final CacheControl NO_STORE = CacheControl.noStore();

	private final CxpCookies cookies;

	private final ConsentCookieFormat format;

	private final @Nullable ConsentLedger ledger;

	/**
	 * Create the endpoint.
	 * @param cookies reads the consent cookie
	 * @param format the consent cookie's format
	 * @param ledger where the records are, {@code null} when the application keeps no ledger
	 */
	public ConsentReceiptController(CxpCookies cookies, ConsentCookieFormat format, @Nullable ConsentLedger ledger) {
		this.cookies = cookies;
		this.format = format;
		this.ledger = ledger;
	}

	/**
	 * The record whose receipt id the visitor's consent cookie carries.
	 * @param request the request
	 * @return the receipt, or a problem
	 */
	@GetMapping("/consent/receipt")
	public ResponseEntity<?> receipt(HttpServletRequest request) {
		ConsentLedger ledger = this.ledger;
		if (ledger == null) {
			return problem(HttpStatus.NOT_FOUND, ConsentReceipt.LEDGER_OFF);
		}
		String receiptId = ConsentReceiptIds.of(this.format,
				ServletConsentRequest.of(request).cookies(this.cookies.consentCookie().name()));
		if (receiptId == null) {
			return problem(HttpStatus.NOT_FOUND, "No consent receipt");
		}
		Optional<ConsentRecord> record;
		try {
			record = ledger.findByReceiptId(receiptId);
		}
		catch (RuntimeException ex) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "The consent ledger cannot be read now");
		}
		return record.<ResponseEntity<?>>map((found) -> ResponseEntity.ok().cacheControl(NO_STORE).body(ConsentReceipt.of(found)))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No consent receipt"));
	}

	private static ResponseEntity<ConsentProblem> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.cacheControl(NO_STORE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ConsentProblem.of(status, detail));
	}

}
