package dev.cxp.internal.visitor;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

import dev.cxp.consent.ConsentRequest;

/**
 * One request and its response, as the starter's request path and consent endpoint see them whatever the web
 * stack: the request's headers and cookies, the little else they need of it, and the response's cookies.
 */
public interface CxpExchange extends ConsentRequest {

	/**
	 * Whether the request came over a secure connection, as the server sees it (behind a proxy, after its
	 * forwarded headers were applied).
	 * @return {@code true} for HTTPS
	 */
	boolean isSecure();

	/**
	 * The request's method.
	 * @return the method, such as {@code GET}
	 */
	String method();

	/**
	 * The address of the client, as the server sees it.
	 * @return the address, or {@code null} when not known
	 */
	@Nullable String remoteAddress();

	/**
	 * The request as the next one from the same browser will look once the response's cookie is stored: every
	 * cookie of the name replaced by the given value, everything else as it is. The consent endpoint asks the
	 * resolver with it, so that its answer to a choice is what later requests get, whatever resolver decides.
	 * @param cookieName the name of the cookie the response sets
	 * @param value its value
	 * @return the request as it will look
	 */
	ConsentRequest nextRequest(String cookieName, String value);

	/**
	 * Add a cookie to the response.
	 * @param cookie the cookie, built from values the starter generated or validated, never from request input
	 */
	void addCookie(ResponseCookie cookie);

}
