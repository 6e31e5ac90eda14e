package dev.cxp.internal.visitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

import dev.cxp.consent.ConsentRequest;

/**
 * The rules of the starter's two cookies, modeled on Spring Session's {@code DefaultCookieSerializer}: which
 * visitor ids a request carries, and every cookie the starter writes (the visitor id, its deletions, the consent
 * choice with the deletion of its other variant). Only values the starter generated or validated are ever
 * written, never raw request input.
 */
public class CxpCookies {

	private final CookieAttributes visitor;

	private final CookieAttributes consent;

	/**
	 * Create the cookie rules.
	 * @param visitor the attributes of the visitor id cookie
	 * @param consent the attributes of the consent cookie
	 */
	public CxpCookies(CookieAttributes visitor, CookieAttributes consent) {
		this.visitor = visitor;
		this.consent = consent;
	}

	/**
	 * The visitor ids a request carries.
	 * @param request the request
	 * @return its visitor id cookies
	 */
	public VisitorIdCookies visitorIds(ConsentRequest request) {
		List<String> values = request.cookies(this.visitor.name());
		if (values.isEmpty()) {
			return VisitorIdCookies.NONE;
		}
		List<String> valid = new ArrayList<>(1);
		for (String value : values) {
			if (VisitorIds.isValid(value) && !valid.contains(value)) {
				valid.add(value);
			}
		}
		return new VisitorIdCookies(valid, true);
	}

	/**
	 * Set the visitor id cookie.
	 * @param exchange the exchange, whose request's security decides {@code Secure}
	 * @param visitorId a valid visitor id
	 */
	public void issueVisitorId(CxpExchange exchange, String visitorId) {
		exchange.addCookie(cookie(this.visitor, visitorId, this.visitor.maxAge(), this.visitor.domain(), exchange));
	}

	/**
	 * Delete the visitor id cookie: the host-only cookie and, when a domain is configured, the domain one.
	 * @param exchange the exchange whose response gets the deletions
	 */
	public void eraseVisitorId(CxpExchange exchange) {
		exchange.addCookie(ResponseCookie.from(this.visitor.name(), "").maxAge(0).path("/").build());
		if (this.visitor.domain() != null) {
			exchange.addCookie(
					ResponseCookie.from(this.visitor.name(), "").maxAge(0).path("/").domain(this.visitor.domain()).build());
		}
	}

	/**
	 * Set the consent cookie that records a visitor's choice, and expire the variant of it that this write does
	 * not replace (the host-only one when the cookie is written for a domain), so that one choice is left in the
	 * browser.
	 * @param exchange the exchange, whose request's security decides {@code Secure}
	 * @param value a value written by {@link dev.cxp.internal.consent.ConsentCookieFormat}, never request input
	 * @param maxAge how long the browser keeps it
	 */
	public void writeConsent(CxpExchange exchange, String value, Duration maxAge) {
		if (this.consent.domain() != null) {
			exchange.addCookie(cookie(this.consent, "", Duration.ZERO, null, exchange));
		}
		exchange.addCookie(cookie(this.consent, value, maxAge, this.consent.domain(), exchange));
	}

	private static ResponseCookie cookie(CookieAttributes attributes, String value, Duration maxAge,
			@Nullable String domain, CxpExchange exchange) {
		return ResponseCookie.from(attributes.name(), value)
			.maxAge(maxAge)
			.path("/")
			.domain(domain)
			.sameSite(attributes.sameSite())
			.secure(attributes.secure() || exchange.isSecure())
			.httpOnly(attributes.httpOnly())
			.build();
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

	/**
	 * The visitor id cookies of a request.
	 *
	 * @param visitorIds every valid id they hold, in order, without repeats
	 * @param present whether the request carries a visitor id cookie at all, valid or not
	 */
	public record VisitorIdCookies(List<String> visitorIds, boolean present) {

		static final VisitorIdCookies NONE = new VisitorIdCookies(List.of(), false);

		/**
		 * The id the visitor is tracked under: the first valid one.
		 * @return the id, or {@code null} when no cookie holds a valid one
		 */
		public @Nullable String visitorId() {
			return this.visitorIds.isEmpty() ? null : this.visitorIds.get(0);
		}

	}

}
