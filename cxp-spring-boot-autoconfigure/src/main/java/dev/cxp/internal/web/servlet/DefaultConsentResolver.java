package dev.cxp.internal.web.servlet;

import jakarta.servlet.http.HttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.internal.consent.ConsentChain;

/**
 * The {@link ConsentResolver} of a Spring MVC application unless it declares its own: the default resolution of
 * consent, over the request's headers and cookies.
 */
public final class DefaultConsentResolver implements ConsentResolver {

	private final ConsentChain chain;

	/**
	 * Create the resolver.
	 * @param chain the default resolution
	 */
	public DefaultConsentResolver(ConsentChain chain) {
		this.chain = chain;
	}

	@Override
	public ConsentDecision resolve(HttpServletRequest request) {
		return this.chain.resolve(ServletConsentRequest.of(request));
	}

	/**
	 * The default resolution this resolver applies.
	 * @return the chain of consent sources
	 */
	public ConsentChain chain() {
		return this.chain;
	}

}
