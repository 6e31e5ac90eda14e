package dev.cxp.internal.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request as the next one from the same browser will look once the response's consent cookie is stored:
 * every consent cookie it carried replaced by the one just written. The consent endpoint asks the resolver
 * with it, so that the answer to a choice is the decision later requests get, whatever resolver decides.
 */
final class ConsentCookieReplaced extends HttpServletRequestWrapper {

	private final Cookie[] cookies;

	ConsentCookieReplaced(HttpServletRequest request, String cookieName, String value) {
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
