package dev.cxp.consent;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Decides, for one request of a WebFlux application, what the visitor said about being tracked: the reactive
 * counterpart of {@link ConsentResolver}. Declare a bean of this type to take consent from your own consent
 * management platform; the default resolution then backs off. The starter's policy applies to whatever it
 * answers: Global Privacy Control denies every purpose it leaves unspecified where it is honoured, and
 * {@code cxp.consent.required} decides what an unspecified tracking purpose means. It fails closed: an error,
 * or a {@code Mono} that completes empty, counts as denied (source {@code error}).
 *
 * @since 0.3.0
 */
@FunctionalInterface
public interface ReactiveConsentResolver {

	/**
	 * Resolve the consent of the visitor making this request. Must not store anything, and must not block.
	 * @param exchange the current exchange
	 * @return the decision
	 */
	Mono<ConsentDecision> resolve(ServerWebExchange exchange);

}
