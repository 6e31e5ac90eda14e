package dev.cxp.internal.web.reactive;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import dev.cxp.consent.ConsentRequest;

/**
 * A WebFlux request as a {@link ConsentRequest}, with the exchange it belongs to, which an application's
 * {@link dev.cxp.consent.ReactiveConsentResolver} takes. The server parses the cookies once per request.
 */
public class ReactiveConsentRequest implements ConsentRequest {

	private final ServerWebExchange exchange;

	/**
	 * Create the view.
	 * @param exchange the exchange
	 */
	public ReactiveConsentRequest(ServerWebExchange exchange) {
		this.exchange = exchange;
	}

	/**
	 * The exchange.
	 * @return the exchange
	 */
	public ServerWebExchange exchange() {
		return this.exchange;
	}

	@Override
	public @Nullable String header(String name) {
		return this.exchange.getRequest().getHeaders().getFirst(name);
	}

	@Override
	public List<String> headers(String name) {
		return this.exchange.getRequest().getHeaders().getOrEmpty(name);
	}

	@Override
	public List<String> cookies(String name) {
		List<HttpCookie> cookies = this.exchange.getRequest().getCookies().get(name);
		if (cookies == null || cookies.isEmpty()) {
			return List.of();
		}
		if (cookies.size() == 1) {
			return List.of(cookies.get(0).getValue());
		}
		List<String> values = new ArrayList<>(cookies.size());
		for (HttpCookie cookie : cookies) {
			values.add(cookie.getValue());
		}
		return values;
	}

	/**
	 * The request of an exchange as the next one from the same browser will look once the response's cookie is
	 * stored: every cookie of the name replaced by the given value.
	 * @param exchange the exchange
	 * @param cookieName the name of the cookie the response sets
	 * @param value its value
	 * @return the view of the request as it will look
	 */
	static ReactiveConsentRequest withCookie(ServerWebExchange exchange, String cookieName, String value) {
		ServerHttpRequest request = new CookieReplacedRequest(exchange.getRequest(), cookieName, value);
		return new ReactiveConsentRequest(exchange.mutate().request(request).build());
	}

	/**
	 * A request with every cookie of a name replaced by one value, in its parsed cookies and in its
	 * {@code Cookie} header alike.
	 */
	private static final class CookieReplacedRequest extends ServerHttpRequestDecorator {

		private final MultiValueMap<String, HttpCookie> cookies;

		private final HttpHeaders headers;

		CookieReplacedRequest(ServerHttpRequest request, String cookieName, String value) {
			super(request);
			this.cookies = new LinkedMultiValueMap<>();
			request.getCookies().forEach((name, values) -> {
				if (!cookieName.equals(name)) {
					this.cookies.addAll(name, values);
				}
			});
			this.cookies.add(cookieName, new HttpCookie(cookieName, value));
			this.headers = new HttpHeaders();
			this.headers.putAll(request.getHeaders());
			List<String> pairs = new ArrayList<>();
			this.cookies.forEach((name, values) -> values.forEach((cookie) -> pairs.add(cookie.toString())));
			this.headers.set(HttpHeaders.COOKIE, String.join("; ", pairs));
		}

		@Override
		public MultiValueMap<String, HttpCookie> getCookies() {
			return this.cookies;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

}
