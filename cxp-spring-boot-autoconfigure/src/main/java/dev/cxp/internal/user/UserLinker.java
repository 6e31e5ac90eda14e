package dev.cxp.internal.user;

import org.jspecify.annotations.Nullable;

import dev.cxp.internal.visitor.CxpExchange;

/**
 * The link of the user signed in on an exchange, so that the consent ledger links the choices made while signed in.
 * The servlet stack reads Spring Security's context of the request thread; a reactive stack would resolve the
 * principal before it builds the exchange.
 */
@FunctionalInterface
public interface UserLinker {

	/**
	 * The link of the user signed in.
	 * @param exchange the exchange
	 * @return the link, or {@code null} when nobody is signed in (an anonymous user included)
	 */
	@Nullable String userLink(CxpExchange exchange);

}
