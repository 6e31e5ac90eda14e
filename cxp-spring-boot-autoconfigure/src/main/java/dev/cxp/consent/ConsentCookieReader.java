package dev.cxp.consent;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads the consent a request's consent cookies carry. A browser sends every variant of a cookie (another
 * {@code Domain}, another {@code Path}), so a request may carry several: when their understood values
 * disagree, {@link ConsentState#DENIED} wins, so that a stale or planted grant never outweighs a withdrawal.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface ConsentCookieReader {

	/**
	 * The consent the request's consent cookies carry.
	 * @param request the current request
	 * @return {@link ConsentState#GRANTED} or {@link ConsentState#DENIED}, or {@code null} when no consent
	 * cookie holds an understood value
	 */
	@Nullable ConsentState consentCookie(HttpServletRequest request);

	/**
	 * A reader that scans the request's cookies for the given name on each call.
	 * @param cookieName the name of the consent cookie
	 * @return the reader
	 */
	static ConsentCookieReader named(String cookieName) {
		return (request) -> {
			Cookie[] cookies = request.getCookies();
			ConsentState state = null;
			if (cookies != null) {
				for (Cookie cookie : cookies) {
					if (cookieName.equals(cookie.getName())) {
						state = ConsentValues.strictest(state, ConsentValues.parse(cookie.getValue()));
					}
				}
			}
			return state;
		};
	}

}
