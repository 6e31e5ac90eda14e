package dev.cxp.internal.consent;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import dev.cxp.consent.ConsentState;

/**
 * Reads the values of a request's consent cookies. A browser sends every variant of a cookie (another
 * {@code Domain}, another {@code Path}), so a request may carry several: the {@link DefaultConsentResolver}
 * combines them per purpose, and {@link ConsentState#DENIED} wins, so that a stale or planted grant never
 * outweighs a withdrawal.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface ConsentCookieReader {

	/**
	 * The values of the request's consent cookies.
	 * @param request the current request
	 * @return the values, empty when there is no consent cookie
	 */
	ConsentCookieValues consentCookies(HttpServletRequest request);

	/**
	 * A reader that scans the request's cookies for the given name on each call.
	 * @param cookieName the name of the consent cookie
	 * @return the reader
	 */
	static ConsentCookieReader named(String cookieName) {
		return (request) -> {
			Cookie[] cookies = request.getCookies();
			List<String> values = new ArrayList<>(1);
			if (cookies != null) {
				for (Cookie cookie : cookies) {
					if (cookieName.equals(cookie.getName())) {
						values.add(cookie.getValue());
					}
				}
			}
			return ConsentCookieValues.of(values);
		};
	}

}
