package dev.cxp.internal.web.reactive;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.session.reactive.ReactiveSessionTracker;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.visitor.VisitorRequestPath.IdentifiedVisitor;
import dev.cxp.session.VisitSession;
import dev.cxp.visitor.CxpVisitor;

/**
 * The starter's path for one request of a WebFlux application: the same steps as {@link VisitorRequestPath} on
 * Spring MVC (decide consent, keep the visitor id in step with it, track the page view), where the decision may
 * come from a reactive resolver and the session store is reached without blocking. The clock is read before
 * deciding, as on Spring MVC, so that no session outlives a withdrawal.
 */
public class ReactiveVisitorRequestPath {

	private final ReactiveConsentPolicy policy;

	private final VisitorRequestPath path;

	private final VisitorIdentity identity;

	private final ReactiveSessionTracker sessionTracker;

	/**
	 * Create the request path.
	 * @param policy decides consent
	 * @param path the steps shared with Spring MVC: counting the decision and the visitor id cookie
	 * @param identity counts the erasures the store failed
	 * @param sessionTracker tracks page views without blocking
	 */
	public ReactiveVisitorRequestPath(ReactiveConsentPolicy policy, VisitorRequestPath path, VisitorIdentity identity,
			ReactiveSessionTracker sessionTracker) {
		this.policy = policy;
		this.path = path;
		this.identity = identity;
		this.sessionTracker = sessionTracker;
	}

	/**
	 * Process one request.
	 * @param exchange the request and its response, which receives the starter's cookies
	 * @param page the page viewed when the request is a page view to track, else {@code null}
	 * @return the current visitor; never empty, never an error
	 */
	public Mono<CxpVisitor> process(ReactiveExchange exchange, @Nullable RequestedPage page) {
		return Mono.defer(() -> {
			Instant decidedAt = this.sessionTracker.now();
			return this.policy.decide(exchange)
				.flatMap((consent) -> track(this.path.identify(exchange, consent), page, decidedAt));
		});
	}

	private Mono<CxpVisitor> track(IdentifiedVisitor visitor, @Nullable RequestedPage page, Instant decidedAt) {
		String visitorId = visitor.visitorId();
		if (visitorId == null) {
			List<String> erasedIds = visitor.erasedIds();
			if (erasedIds.isEmpty()) {
				return Mono.just(visitor.untracked());
			}
			return this.sessionTracker.forget(erasedIds)
				.map((erased) -> this.identity.erased(erasedIds, erased))
				.thenReturn(visitor.untracked());
		}
		Mono<VisitSession> session;
		if (page != null) {
			session = this.sessionTracker.trackPageView(visitorId, page, decidedAt);
		}
		else {
			session = visitor.returning() ? this.sessionTracker.currentSession(visitorId) : Mono.empty();
		}
		return session.map(visitor::tracked).defaultIfEmpty(visitor.tracked(null));
	}

	/**
	 * How this path decides consent.
	 * @return the policy
	 */
	public ReactiveConsentPolicy policy() {
		return this.policy;
	}

}
