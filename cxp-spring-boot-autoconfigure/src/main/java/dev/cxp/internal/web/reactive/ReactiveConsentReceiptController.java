package dev.cxp.internal.web.reactive;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.web.ConsentProblem;
import dev.cxp.internal.web.ConsentReceipt;
import dev.cxp.internal.web.ConsentReceiptIds;

/**
 * {@code GET {cxp.web.base-path}/consent/receipt} in a WebFlux application, as on Spring MVC: the visitor's own
 * last consent record, found by the receipt id in their consent cookie and by nothing else; 404 without one, 503
 * while the ledger cannot be read, and 404 saying so when the application keeps no ledger. The ledger, which is JDBC, is read on Reactor's bounded elastic scheduler.
 * Answers are never cached.
 */
@RestController
@RequestMapping("${cxp.web.base-path:/cxp}")
public class ReactiveConsentReceiptController {

	private static final CacheControl NO_STORE = CacheControl.noStore();

	private final CxpCookies cookies;

	private final ConsentCookieFormat format;

	private final @Nullable ConsentLedger ledger;

	/**
	 * Create the endpoint.
	 * @param cookies reads the consent cookie
	 * @param format the consent cookie's format
	 * @param ledger where the records are, behind its guard; {@code null} when the application keeps no ledger
	 */
	public ReactiveConsentReceiptController(CxpCookies cookies, ConsentCookieFormat format,
			@Nullable ConsentLedger ledger) {
		this.cookies = cookies;
		this.format = format;
		this.ledger = ledger;
	}

	/**
	 * The record whose receipt id the visitor's consent cookie carries.
	 * @param exchange the exchange
	 * @return the receipt, or a problem
	 */
	@GetMapping("/consent/receipt")
	public Mono<ResponseEntity<?>> receipt(ServerWebExchange exchange) {
		ConsentLedger ledger = this.ledger;
		if (ledger == null) {
			return Mono.just(problem(HttpStatus.NOT_FOUND, ConsentReceipt.LEDGER_OFF));
		}
		String receiptId = ConsentReceiptIds.of(this.format,
				new ReactiveConsentRequest(exchange).cookies(this.cookies.consentCookie().name()));
		if (receiptId == null) {
			return Mono.just(problem(HttpStatus.NOT_FOUND, "No consent receipt"));
		}
		return Mono.fromCallable(() -> ledger.findByReceiptId(receiptId))
			.subscribeOn(Schedulers.boundedElastic())
			.map(ReactiveConsentReceiptController::answer)
			.onErrorResume((ex) -> Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE,
					"The consent ledger cannot be read now")));
	}

	private static ResponseEntity<?> answer(Optional<ConsentRecord> record) {
		return record.<ResponseEntity<?>>map(
				(found) -> ResponseEntity.ok().cacheControl(NO_STORE).body(ConsentReceipt.of(found)))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No consent receipt"));
	}

	private static ResponseEntity<?> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.cacheControl(NO_STORE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ConsentProblem.of(status, detail));
	}

}
