package dev.cxp.consent;

import java.util.Enumeration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ConsentResolver} used unless the application declares its own. It asks, in order, and the
 * first that answers wins: the consent header, the consent cookie, then Global Privacy Control. An
 * explicit choice made on this site outranks the browser-wide GPC preference.
 *
 * @author CXP
 */
public class DefaultConsentResolver implements ConsentResolver {

	/**
	 * Source of a decision taken from the consent header.
	 */
	public static final String SOURCE_HEADER = "header";

	/**
	 * Source of a decision taken from the consent cookie.
	 */
	public static final String SOURCE_COOKIE = "cookie";

	/**
	 * Source of a denial signalled by Global Privacy Control.
	 */
	public static final String SOURCE_GPC = "gpc";

	private static final String GPC_HEADER = "Sec-GPC";

	private static final ConsentDecision HEADER_GRANTED = ConsentDecision.granted(SOURCE_HEADER);

	private static final ConsentDecision HEADER_DENIED = ConsentDecision.denied(SOURCE_HEADER);

	private static final ConsentDecision COOKIE_GRANTED = ConsentDecision.granted(SOURCE_COOKIE);

	private static final ConsentDecision COOKIE_DENIED = ConsentDecision.denied(SOURCE_COOKIE);

	private static final ConsentDecision GPC_DENIED = ConsentDecision.denied(SOURCE_GPC);

	private final String headerName;

	private final String cookieName;

	private final boolean honorGlobalPrivacyControl;

	/**
	 * Create a resolver.
	 * @param headerName name of the request header that carries consent
	 * @param cookieName name of the cookie that carries consent
	 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent
	 */
	public DefaultConsentResolver(String headerName, String cookieName, boolean honorGlobalPrivacyControl) {
		this.headerName = headerName;
		this.cookieName = cookieName;
		this.honorGlobalPrivacyControl = honorGlobalPrivacyControl;
	}

	@Override
	public ConsentDecision resolve(HttpServletRequest request) {
		// Most requests carry no consent header: asking for its first value costs nothing, enumerating does
		ConsentState fromHeader = (request.getHeader(this.headerName) != null)
				? firstUnderstood(request.getHeaders(this.headerName)) : null;
		if (fromHeader != null) {
			return (fromHeader == ConsentState.GRANTED) ? HEADER_GRANTED : HEADER_DENIED;
		}
		ConsentState fromCookie = firstUnderstood(request.getCookies());
		if (fromCookie != null) {
			return (fromCookie == ConsentState.GRANTED) ? COOKIE_GRANTED : COOKIE_DENIED;
		}
		if (this.honorGlobalPrivacyControl && "1".equals(request.getHeader(GPC_HEADER))) {
			return GPC_DENIED;
		}
		return ConsentDecision.unspecified();
	}

	private static @Nullable ConsentState firstUnderstood(@Nullable Enumeration<String> values) {
		if (values == null) {
			return null;
		}
		while (values.hasMoreElements()) {
			ConsentState state = ConsentValues.parse(values.nextElement());
			if (state != null) {
				return state;
			}
		}
		return null;
	}

	private @Nullable ConsentState firstUnderstood(Cookie @Nullable [] cookies) {
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (this.cookieName.equals(cookie.getName())) {
				ConsentState state = ConsentValues.parse(cookie.getValue());
				if (state != null) {
					return state;
				}
			}
		}
		return null;
	}

}
