package dev.cxp.internal.web.reactive;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.internal.visitor.CxpExchange;

/**
 * A WebFlux exchange as a {@link CxpExchange}. Cookies are added to the response's cookies, which the server
 * writes when the response is committed: they survive a handler, or a gateway's downstream response, that sets
 * headers of its own.
 */
public final class ReactiveExchange extends ReactiveConsentRequest implements CxpExchange {

	/**
	 * Create the exchange.
	 * @param exchange the WebFlux exchange
	 */
	public ReactiveExchange(ServerWebExchange exchange) {
		super(exchange);
	}

	@Override
	public boolean isSecure() {
		return exchange().getRequest().getSslInfo() != null
				|| "https".equalsIgnoreCase(exchange().getRequest().getURI().getScheme());
	}

	@Override
	public String method() {
		return exchange().getRequest().getMethod().name();
	}

	@Override
	public @Nullable String remoteAddress() {
		InetSocketAddress remote = exchange().getRequest().getRemoteAddress();
		InetAddress address = (remote != null) ? remote.getAddress() : null;
		return (address != null) ? address.getHostAddress() : null;
	}

	@Override
	public ConsentRequest nextRequest(String cookieName, String value) {
		return withCookie(exchange(), cookieName, value);
	}

	@Override
	public void addCookie(ResponseCookie cookie) {
		exchange().getResponse().addCookie(cookie);
	}

}
