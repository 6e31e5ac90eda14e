package dev.cxp.internal.visitor;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cxp.internal.consent.ConsentCookieValues;

/**
 * What one scan of a request's cookies found of the starter's cookies: everything the request path, the
 * consent resolver and an erasure need, so that the cookies are read once per request. Made by
 * {@link CxpCookies#read(jakarta.servlet.http.HttpServletRequest)}. The request path hands its parts on as
 * values ({@link #consentCookie()}, {@link #moreConsentCookies()}), so that it never escapes and costs no heap.
 *
 * @since 0.2.0
 */
public final class RequestCookies {

	static final RequestCookies NONE = new RequestCookies(null, false, null, null, null);

	private final @Nullable String visitorId;

	private final boolean visitorCookiePresent;

	// Further valid ids beyond the first: only a browser holding several variants of the cookie has any
	private final @Nullable List<String> moreVisitorIds;

	private final @Nullable String consentValue;

	// Further consent cookie values beyond the first, as for the visitor ids
	private final @Nullable List<String> moreConsentValues;

	RequestCookies(@Nullable String visitorId, boolean visitorCookiePresent, @Nullable List<String> moreVisitorIds,
			@Nullable String consentValue, @Nullable List<String> moreConsentValues) {
		this.visitorId = visitorId;
		this.visitorCookiePresent = visitorCookiePresent;
		this.moreVisitorIds = moreVisitorIds;
		this.consentValue = consentValue;
		this.moreConsentValues = moreConsentValues;
	}

	/**
	 * The first valid visitor id among the request's visitor id cookies.
	 * @return the id, or {@code null} when no visitor id cookie holds a valid one
	 */
	public @Nullable String visitorId() {
		return this.visitorId;
	}

	/**
	 * Whether the request carries a visitor id cookie, valid or not.
	 * @return {@code true} when one is present
	 */
	public boolean visitorCookiePresent() {
		return this.visitorCookiePresent;
	}

	/**
	 * Every valid visitor id the request's visitor id cookies hold, in order, without repeats.
	 * @return the ids, empty when there is none
	 */
	public List<String> visitorIds() {
		if (this.visitorId == null) {
			return List.of();
		}
		if (this.moreVisitorIds == null) {
			return List.of(this.visitorId);
		}
		List<String> ids = new ArrayList<>(this.moreVisitorIds.size() + 1);
		ids.add(this.visitorId);
		ids.addAll(this.moreVisitorIds);
		return List.copyOf(ids);
	}

	/**
	 * The values of the request's consent cookies, unparsed: the consent resolver reads each once.
	 * @return the values, empty when there is no consent cookie
	 */
	public ConsentCookieValues consentCookies() {
		if (this.consentValue == null) {
			return ConsentCookieValues.none();
		}
		List<String> values = new ArrayList<>();
		values.add(this.consentValue);
		if (this.moreConsentValues != null) {
			values.addAll(this.moreConsentValues);
		}
		return ConsentCookieValues.of(values);
	}

	/**
	 * The value of the request's first consent cookie, unparsed.
	 * @return the value, or {@code null} when there is no consent cookie
	 */
	public @Nullable String consentCookie() {
		return this.consentValue;
	}

	/**
	 * The values of further consent cookies, which only a browser holding several variants of the cookie
	 * sends.
	 * @return the values after the first, or {@code null} when there are none
	 */
	public @Nullable List<String> moreConsentCookies() {
		return this.moreConsentValues;
	}

}
