package dev.cxp.internal.web.reactive;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ReactiveConsentResolver;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.DecidedConsent;

/**
 * Decides consent for a request of a WebFlux application. Without an application's
 * {@link ReactiveConsentResolver}, the default resolution reads only the request's headers and cookies and is
 * decided on the spot. With one, the resolver is asked, and the same {@link ConsentPolicy} applies to its answer:
 * Global Privacy Control, the required policy per region, and failing closed, where an error or an empty answer
 * counts as denied.
 */
public class ReactiveConsentPolicy {

	private final ConsentPolicy policy;

	private final @Nullable ReactiveConsentResolver resolver;

	/**
	 * Create the policy.
	 * @param policy the policy, over the default resolution
	 * @param resolver the application's resolver, {@code null} to decide with the default resolution
	 */
	public ReactiveConsentPolicy(ConsentPolicy policy, @Nullable ReactiveConsentResolver resolver) {
		this.policy = policy;
		this.resolver = resolver;
	}

	/**
	 * Decide consent for a request. Never signals an error.
	 * @param request the request
	 * @return the consent decided
	 */
	public Mono<DecidedConsent> decide(ConsentRequest request) {
		ReactiveConsentResolver resolver = this.resolver;
		if (resolver == null || !(request instanceof ReactiveConsentRequest reactive)) {
			return Mono.fromSupplier(() -> this.policy.decide(request));
		}
		return Mono.defer(() -> resolver.resolve(reactive.exchange()))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The ReactiveConsentResolver answered nothing")))
			.onErrorResume((ex) -> Mono.just(this.policy.resolverFailed(ex)))
			.map((decision) -> this.policy.decide(request, decision));
	}

	/**
	 * The policy over the default resolution, with the purposes and regions.
	 * @return the policy
	 */
	public ConsentPolicy policy() {
		return this.policy;
	}

}
