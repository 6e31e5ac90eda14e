package dev.cxp.visitor;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ConsentValues;

/**
 * Reads the visitor id cookie and writes every cookie the starter sets: the visitor id, its deletions,
 * and the consent choice. Only values the starter generated or validated are ever written, never raw
 * request input.
 *
 * @author CXP
 */
public class CxpCookies {

	private final CookieAttributes visitor;

	private final CookieAttributes consent;

	private final String hostOnlyDeletion;

	private final @Nullable String domainDeletion;

	/**
	 * Create the cookie writer.
	 * @param visitor the attributes of the visitor id cookie
	 * @param consent the attributes of the consent cookie
	 */
	public CxpCookies(CookieAttributes visitor, CookieAttributes consent) {
		this.visitor = visitor;
		this.consent = consent;
		this.hostOnlyDeletion = deletion(visitor.name(), null);
		this.domainDeletion = (visitor.domain() != null) ? deletion(visitor.name(), visitor.domain()) : null;
	}

	private static String deletion(String name, @Nullable String domain) {
		return ResponseCookie.from(name, "").maxAge(0).path("/").domain(domain).build().toString();
	}

	/**
	 * The first valid visitor id among the request's cookies.
	 * @param cookies the request's cookies, possibly {@code null}
	 * @return the id, or {@code null} when no visitor id cookie holds a valid one
	 */
	public @Nullable String firstValidVisitorId(Cookie @Nullable [] cookies) {
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (this.visitor.name().equals(cookie.getName()) && VisitorIds.isValid(cookie.getValue())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/**
	 * Whether the request carries a visitor id cookie, valid or not.
	 * @param cookies the request's cookies, possibly {@code null}
	 * @return {@code true} when one is present
	 */
	public boolean hasVisitorCookie(Cookie @Nullable [] cookies) {
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (this.visitor.name().equals(cookie.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Set the visitor id cookie.
	 * @param request the current request, whose security decides {@code Secure}
	 * @param response the response to add it to
	 * @param visitorId a valid visitor id
	 */
	public void issueVisitorId(HttpServletRequest request, HttpServletResponse response, String visitorId) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(this.visitor, visitorId, request).toString());
	}

	/**
	 * Delete the visitor id cookie: the host-only cookie and, when a domain is configured, the domain one.
	 * @param response the response to add the deletions to
	 */
	public void eraseVisitorId(HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, this.hostOnlyDeletion);
		if (this.domainDeletion != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, this.domainDeletion);
		}
	}

	/**
	 * Set the consent cookie that records a visitor's choice.
	 * @param request the current request, whose security decides {@code Secure}
	 * @param response the response to add it to
	 * @param state the choice, granted or denied
	 */
	public void writeConsent(HttpServletRequest request, HttpServletResponse response, ConsentState state) {
		response.addHeader(HttpHeaders.SET_COOKIE,
				cookie(this.consent, ConsentValues.cookieValue(state), request).toString());
	}

	/**
	 * Set the consent cookie to a value of the starter's consent cookie format.
	 * @param request the current request, whose security decides {@code Secure}
	 * @param response the response to add it to
	 * @param value a value written by {@link dev.cxp.consent.ConsentCookieFormat}, never request input
	 * @param maxAge how long the browser keeps it
	 * @since 0.2.0
	 */
	public void writeConsent(HttpServletRequest request, HttpServletResponse response, String value,
			Duration maxAge) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(this.consent, value, maxAge, request).toString());
	}

	private static ResponseCookie cookie(CookieAttributes attributes, String value, HttpServletRequest request) {
		return cookie(attributes, value, attributes.maxAge(), request);
	}

	private static ResponseCookie cookie(CookieAttributes attributes, String value, Duration maxAge,
			HttpServletRequest request) {
		return ResponseCookie.from(attributes.name(), value)
			.maxAge(maxAge)
			.path("/")
			.domain(attributes.domain())
			.sameSite(attributes.sameSite())
			.secure(attributes.secure() || request.isSecure())
			.httpOnly(attributes.httpOnly())
			.build();
	}

	/**
	 * The name of the visitor id cookie.
	 * @return the cookie name
	 */
	public String visitorCookieName() {
		return this.visitor.name();
	}

	/**
	 * The attributes of the visitor id cookie.
	 * @return the attributes
	 */
	public CookieAttributes visitorCookie() {
		return this.visitor;
	}

	/**
	 * The attributes of the consent cookie.
	 * @return the attributes
	 */
	public CookieAttributes consentCookie() {
		return this.consent;
	}

}
