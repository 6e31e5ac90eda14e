package dev.cxp.internal.web.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentRequest;

/**
 * A servlet request as a {@link ConsentRequest}. Its cookies are read once, on first use, and the reading is
 * kept on the request (a request attribute), so that everything the starter does in one request (consent
 * sources, visitor id, endpoints) reads the cookies once, as Spring Session's filter keeps its reading.
 */
public final class ServletConsentRequest implements ConsentRequest {

	private static final String ATTRIBUTE = ServletConsentRequest.class.getName();

	private final HttpServletRequest request;

	private @Nullable Map<String, List<String>> cookies;

	private ServletConsentRequest(HttpServletRequest request) {
		this.request = request;
	}

	/**
	 * The view of a request, made once per request.
	 * @param request the request
	 * @return its view
	 */
	public static ServletConsentRequest of(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof ServletConsentRequest view && view.request == request) {
			return view;
		}
		ServletConsentRequest view = new ServletConsentRequest(request);
		request.setAttribute(ATTRIBUTE, view);
		return view;
	}

	/**
	 * The servlet request, as an application's {@link dev.cxp.consent.ConsentResolver} takes it.
	 * @return the request
	 */
	public HttpServletRequest servletRequest() {
		return this.request;
	}

	/**
	 * The servlet request behind a request of the servlet stack, for a {@link dev.cxp.consent.ConsentResolver}.
	 * @param request a {@link ServletConsentRequest} or a {@link ServletExchange}
	 * @return the servlet request
	 */
	public static HttpServletRequest servletRequestOf(ConsentRequest request) {
		if (request instanceof ServletExchange exchange) {
			return exchange.servletRequest();
		}
		if (request instanceof ServletConsentRequest view) {
			return view.servletRequest();
		}
		throw new IllegalArgumentException("Not a request of the servlet stack: " + request.getClass().getName());
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public List<String> headers(String name) {
		Enumeration<String> values = this.request.getHeaders(name);
		return (values != null) ? Collections.list(values) : List.of();
	}

	@Override
	public List<String> cookies(String name) {
		Map<String, List<String>> cookies = this.cookies;
		if (cookies == null) {
			cookies = read(this.request.getCookies());
			this.cookies = cookies;
		}
		return cookies.getOrDefault(name, List.of());
	}

	private static Map<String, List<String>> read(Cookie @Nullable [] cookies) {
		if (cookies == null || cookies.length == 0) {
			return Map.of();
		}
		Map<String, List<String>> byName = new HashMap<>();
		for (Cookie cookie : cookies) {
			byName.computeIfAbsent(cookie.getName(), (name) -> new ArrayList<>(1)).add(cookie.getValue());
		}
		return byName;
	}

}
