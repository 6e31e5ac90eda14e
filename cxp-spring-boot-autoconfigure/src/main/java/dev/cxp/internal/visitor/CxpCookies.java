package dev.cxp.internal.visitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentCookieReader;
import dev.cxp.internal.consent.ConsentCookieValues;
import dev.cxp.internal.consent.ConsentValues;

/**
 * The only reader and writer of the starter's cookies. It reads them in one scan (see
 * {@link #read(HttpServletRequest)}), modeled on Spring Session's {@code DefaultCookieSerializer}, and writes every cookie the starter sets: the visitor id, its deletions,
 * and the consent choice with the deletion of its other variant. Only values the starter generated or
 * validated are ever written, never raw request input.
 *
 * @since 0.1.0
 */
public class CxpCookies implements ConsentCookieReader {



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
	 * Read the starter's cookies from a request in one scan. The request path reads them once and hands the
	 * result on (to the consent policy, the identity operations) rather than keeping it in a request
	 * attribute, so that a returning visitor's request allocates nothing more for it.
	 * @param request the current request
	 * @return what the request's cookies hold
	 */
	public RequestCookies read(HttpServletRequest request) {
		return scan(request.getCookies());
	}

	/**
	 * Read the starter's cookies from an array of cookies.
	 * @param cookies the request's cookies, possibly {@code null}
	 * @return what the cookies hold
	 */
	public RequestCookies scan(Cookie @Nullable [] cookies) {
		if (cookies == null || cookies.length == 0) {
			return RequestCookies.NONE;
		}
		String visitorName = this.visitor.name();
		String consentName = this.consent.name();
		String first = null;
		boolean present = false;
		List<String> more = null;
		String consent = null;
		List<String> moreConsent = null;
		for (Cookie cookie : cookies) {
			String name = cookie.getName();
			if (visitorName.equals(name)) {
				present = true;
				String value = cookie.getValue();
				if (VisitorIds.isValid(value)) {
					if (first == null) {
						first = value;
					}
					else if (!first.equals(value) && (more == null || !more.contains(value))) {
						more = (more != null) ? more : new ArrayList<>(2);
						more.add(value);
					}
				}
			}
			else if (consentName.equals(name)) {
				if (consent == null) {
					consent = cookie.getValue();
				}
				else {
					moreConsent = (moreConsent != null) ? moreConsent : new ArrayList<>(2);
					moreConsent.add(cookie.getValue());
				}
			}
		}
		return (present || consent != null) ? new RequestCookies(first, present, more, consent, moreConsent)
				: RequestCookies.NONE;
	}

	@Override
	public ConsentCookieValues consentCookies(HttpServletRequest request) {
		return read(request).consentCookies();
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
	 * Set the consent cookie that records a visitor's choice, and expire the variants of it that this write
	 * does not replace (the host-only one when the cookie is written for a domain), so that one choice is left
	 * in the browser.
	 * @param request the current request, whose security decides {@code Secure}
	 * @param response the response to add it to
	 * @param state the choice, granted or denied
	 */
	public void writeConsent(HttpServletRequest request, HttpServletResponse response, ConsentState state) {
		if (this.consent.domain() != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, deletion(this.consent, null, request).toString());
		}
		response.addHeader(HttpHeaders.SET_COOKIE,
				cookie(this.consent, ConsentValues.cookieValue(state), request).toString());
	}

	/**
	 * Set the consent cookie to a value of the starter's consent cookie format.
	 * @param request the current request, whose security decides {@code Secure}
	 * @param response the response to add it to
	 * @param value a value written by {@link dev.cxp.internal.consent.ConsentCookieFormat}, never request input
	 * @param maxAge how long the browser keeps it
	 * @since 0.2.0
	 */
	public void writeConsent(HttpServletRequest request, HttpServletResponse response, String value,
			Duration maxAge) {
		if (this.consent.domain() != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, deletion(this.consent, null, request).toString());
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(this.consent, value, maxAge, request).toString());
	}

	private static ResponseCookie deletion(CookieAttributes attributes, @Nullable String domain,
			HttpServletRequest request) {
		return ResponseCookie.from(attributes.name(), "")
			.maxAge(0)
			.path("/")
			.domain(domain)
			.sameSite(attributes.sameSite())
			.secure(attributes.secure() || request.isSecure())
			.httpOnly(attributes.httpOnly())
			.build();
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
