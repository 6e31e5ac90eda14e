package dev.cxp.internal.user.servlet;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The request after a restored choice, as the browser will send the next one: the consent cookie holds the restored
 * choice, and the visitor id cookie holds the id tracked from now on, or is gone when tracking stopped. The rest of
 * the request path, the application's controllers included, then sees one consistent choice.
 */
final class RestoredRequest extends HttpServletRequestWrapper {

	private final Cookie[] cookies;

	/**
	 * Create the request.
	 * @param request the request made after the sign-in
	 * @param consentCookie the consent cookie's name
	 * @param consentValue its restored value
	 * @param visitorCookie the visitor id cookie's name
	 * @param visitorId the visitor id tracked from now on, {@code null} when tracking stopped
	 */
	RestoredRequest(HttpServletRequest request, String consentCookie, String consentValue, String visitorCookie,
			@Nullable String visitorId) {
		super(request);
		List<Cookie> kept = new ArrayList<>();
		Cookie[] carried = request.getCookies();
		if (carried != null) {
			for (Cookie cookie : carried) {
				if (!consentCookie.equals(cookie.getName()) && !visitorCookie.equals(cookie.getName())) {
					kept.add(cookie);
				}
			}
		}
		kept.add(new Cookie(consentCookie, consentValue));
		if (visitorId != null) {
			kept.add(new Cookie(visitorCookie, visitorId));
		}
		this.cookies = kept.toArray(new Cookie[0]);
	}

	@Override
	public Cookie[] getCookies() {
		return this.cookies.clone();
	}

}
