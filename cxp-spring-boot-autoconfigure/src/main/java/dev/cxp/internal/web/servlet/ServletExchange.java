package dev.cxp.internal.web.servlet;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.internal.visitor.CxpExchange;

/**
 * A servlet request and its response as a {@link CxpExchange}. Cookies go into {@code Set-Cookie} headers as
 * {@link ResponseCookie} writes them ({@code jakarta.servlet.http.Cookie} has no {@code SameSite}).
 */
public final class ServletExchange implements CxpExchange {

	private final ServletConsentRequest request;

	private final HttpServletResponse response;

	/**
	 * Create the exchange.
	 * @param request the request
	 * @param response its response
	 */
	public ServletExchange(HttpServletRequest request, HttpServletResponse response) {
		this.request = ServletConsentRequest.of(request);
		this.response = response;
	}

	/**
	 * The servlet request.
	 * @return the request
	 */
	public HttpServletRequest servletRequest() {
		return this.request.servletRequest();
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.header(name);
	}

	@Override
	public List<String> headers(String name) {
		return this.request.headers(name);
	}

	@Override
	public List<String> cookies(String name) {
		return this.request.cookies(name);
	}

	@Override
	public boolean isSecure() {
		return this.request.servletRequest().isSecure();
	}

	@Override
	public String method() {
		return this.request.servletRequest().getMethod();
	}

	@Override
	public @Nullable String remoteAddress() {
		return this.request.servletRequest().getRemoteAddr();
	}

	@Override
	public ConsentRequest nextRequest(String cookieName, String value) {
		return ServletConsentRequest.of(new CookieReplaced(this.request.servletRequest(), cookieName, value));
	}

	@Override
	public void addCookie(ResponseCookie cookie) {
		this.response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/**
	 * A request with every cookie of a name replaced by one value.
	 */
	private static final class CookieReplaced extends HttpServletRequestWrapper {

		private final Cookie[] cookies;

		CookieReplaced(HttpServletRequest request, String cookieName, String value) {
			super(request);
			List<Cookie> cookies = new ArrayList<>();
			Cookie[] carried = request.getCookies();
			if (carried != null) {
				for (Cookie cookie : carried) {
					if (!cookieName.equals(cookie.getName())) {
						cookies.add(cookie);
					}
				}
			}
			cookies.add(new Cookie(cookieName, value));
			this.cookies = cookies.toArray(new Cookie[0]);
		}

		@Override
		public Cookie[] getCookies() {
			return this.cookies.clone();
		}

	}

}
