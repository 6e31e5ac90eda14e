package dev.cxp.internal.web.reactive;

import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.cxp.internal.consent.DecidedConsent;
import dev.cxp.internal.session.reactive.ReactiveSessionTracker;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.CxpCookies.VisitorIdCookies;
import dev.cxp.internal.visitor.VisitorErasure;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.web.ConsentChoice;
import dev.cxp.internal.web.ConsentRecorder;
import dev.cxp.internal.web.ConsentRecorder.PendingChoice;

/**
 * Records a visitor's consent choice in a WebFlux application: the steps of {@link ConsentRecorder}, where the
 * decisions before and after the choice may come from a reactive resolver, the visitor's session is erased
 * without blocking, and the consent ledger, which is JDBC, is written on Reactor's bounded elastic scheduler,
 * never on an event-loop thread.
 */
public class ReactiveConsentRecorder {

	private final ReactiveConsentPolicy policy;

	private final ConsentRecorder recorder;

	private final CxpCookies cookies;

	private final VisitorIdentity identity;

	private final ReactiveSessionTracker sessionTracker;

	/**
	 * Create a recorder.
	 * @param policy decides consent before and after the choice
	 * @param recorder the steps shared with Spring MVC
	 * @param cookies reads the visitor id cookies
	 * @param identity keeps the visitor id in step with the choice
	 * @param sessionTracker erases the visitor's session on a withdrawal
	 */
	public ReactiveConsentRecorder(ReactiveConsentPolicy policy, ConsentRecorder recorder, CxpCookies cookies,
			VisitorIdentity identity, ReactiveSessionTracker sessionTracker) {
		this.policy = policy;
		this.recorder = recorder;
		this.cookies = cookies;
		this.identity = identity;
		this.sessionTracker = sessionTracker;
	}

	/**
	 * Record a choice.
	 * @param exchange the request that made it, and its response, which receives the cookies
	 * @param choice the choice
	 * @return the consent that later requests carrying the new cookie will get
	 */
	public Mono<DecidedConsent> record(ReactiveExchange exchange, ConsentChoice choice) {
		return this.policy.decide(exchange).flatMap((before) -> {
			PendingChoice pending = this.recorder.prepare(exchange, choice);
			return this.policy.decide(pending.nextRequest())
				.flatMap((after) -> keepInStep(exchange, after)
					.flatMap((visitor) -> inLedger(exchange, pending, after, visitor)
						.map((receiptId) -> this.recorder.finish(exchange, pending, before, after, visitor.visitorId(),
								visitor.serverDataErased(), receiptId.orElse(null)).consent())));
		});
	}

	// The visitor id kept or issued with effective consent, erased with its session without
	private Mono<VisitorErasure> keepInStep(ReactiveExchange exchange, DecidedConsent after) {
		VisitorIdCookies carried = this.cookies.visitorIds(exchange);
		if (after.effective()) {
			return Mono.just(new VisitorErasure(this.identity.ensureVisitorId(exchange, carried), false));
		}
		List<String> erasedIds = this.identity.eraseVisitorIdCookies(exchange, carried);
		if (erasedIds.isEmpty()) {
			return Mono.just(VisitorErasure.NOTHING);
		}
		return this.sessionTracker.forget(erasedIds).map((erased) -> this.identity.erased(erasedIds, erased));
	}

	private Mono<Optional<String>> inLedger(ReactiveExchange exchange, PendingChoice pending, DecidedConsent after,
			VisitorErasure visitor) {
		if (!this.recorder.hasLedger()) {
			return Mono.just(Optional.empty());
		}
		return Mono
			.fromCallable(() -> Optional
				.ofNullable(this.recorder.recordInLedger(exchange, pending, after, visitor.visitorId())))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The steps shared with Spring MVC.
	 * @return the recorder
	 */
	public ConsentRecorder recorder() {
		return this.recorder;
	}

}
