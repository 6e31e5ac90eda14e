package dev.cxp.visitor;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * What one scan of a request's cookies found of the starter's cookies: everything the request path, the
 * consent resolver and an erasure need, so that the cookies are read once per request. Made by
 * {@link CxpCookies#read(jakarta.servlet.http.HttpServletRequest)}.
 *
 * @since 0.2.0
 */
public final class RequestCookies {

	static final RequestCookies NONE = new RequestCookies(null, false, null, null);

	private final @Nullable String visitorId;

	private final boolean visitorCookiePresent;

	// Further valid ids beyond the first: only a browser holding several variants of the cookie has any
	private final @Nullable List<String> moreVisitorIds;

	private final @Nullable ConsentState consent;

	RequestCookies(@Nullable String visitorId, boolean visitorCookiePresent, @Nullable List<String> moreVisitorIds,
			@Nullable ConsentState consent) {
		this.visitorId = visitorId;
		this.visitorCookiePresent = visitorCookiePresent;
		this.moreVisitorIds = moreVisitorIds;
		this.consent = consent;
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
	 * The consent the request's consent cookies carry, a denial winning when their values disagree.
	 * @return {@link ConsentState#GRANTED} or {@link ConsentState#DENIED}, or {@code null} when no consent
	 * cookie holds an understood value
	 */
	public @Nullable ConsentState consent() {
		return this.consent;
	}

}
