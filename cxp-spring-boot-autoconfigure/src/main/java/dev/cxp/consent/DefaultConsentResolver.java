package dev.cxp.consent;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ConsentResolver} used unless the application declares its own. It asks, in order, and the
 * first that answers wins: the consent header, the consent cookie, then Global Privacy Control. An
 * explicit choice made on this site outranks the browser-wide GPC preference. When the header, or the
 * cookie, arrives several times and the understood values disagree, the denial wins.
 *
 * @since 0.1.0
 */
public class DefaultConsentResolver implements ConsentResolver {

	private static final String GPC_HEADER = "Sec-GPC";

	private static final ConsentDecision HEADER_GRANTED = ConsentDecision.granted(ConsentSources.HEADER);

	private static final ConsentDecision HEADER_DENIED = ConsentDecision.denied(ConsentSources.HEADER);

	private static final ConsentDecision COOKIE_GRANTED = ConsentDecision.granted(ConsentSources.COOKIE);

	private static final ConsentDecision COOKIE_DENIED = ConsentDecision.denied(ConsentSources.COOKIE);

	private static final ConsentDecision GPC_DENIED = ConsentDecision.denied(ConsentSources.GPC);

	private final String headerName;

	private final ConsentCookieReader cookieReader;

	private final boolean honorGlobalPrivacyControl;

	/**
	 * Create a resolver that reads the consent cookie itself.
	 * @param headerName name of the request header that carries consent
	 * @param cookieName name of the cookie that carries consent
	 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent
	 */
	public DefaultConsentResolver(String headerName, String cookieName, boolean honorGlobalPrivacyControl) {
		this(headerName, ConsentCookieReader.named(cookieName), honorGlobalPrivacyControl);
	}

	/**
	 * Create a resolver that takes the consent cookie from a reader, such as the one that reads all of the
	 * starter's cookies in one pass per request.
	 * @param headerName name of the request header that carries consent
	 * @param cookieReader reads the consent cookie
	 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent
	 * @since 0.2.0
	 */
	public DefaultConsentResolver(String headerName, ConsentCookieReader cookieReader,
			boolean honorGlobalPrivacyControl) {
		this.headerName = headerName;
		this.cookieReader = cookieReader;
		this.honorGlobalPrivacyControl = honorGlobalPrivacyControl;
	}

	@Override
	public ConsentDecision resolve(HttpServletRequest request) {
		return decide(request, this.cookieReader.consentCookie(request));
	}

	/**
	 * Resolve consent with the consent cookie already read, as the starter's request path does, so that the
	 * request's cookies are scanned once.
	 * @param request the current request
	 * @param cookieConsent what the request's consent cookies carry (a denial winning when they disagree),
	 * {@code null} when none holds an understood value
	 * @return the decision
	 * @since 0.2.0
	 */
	public ConsentDecision resolve(HttpServletRequest request, @Nullable ConsentState cookieConsent) {
		return decide(request, cookieConsent);
	}

	private ConsentDecision decide(HttpServletRequest request, @Nullable ConsentState fromCookie) {
		// Most requests carry no consent header: asking for its first value costs nothing, enumerating does
		ConsentState fromHeader = (request.getHeader(this.headerName) != null)
				? strictest(request.getHeaders(this.headerName)) : null;
		if (fromHeader != null) {
			return (fromHeader == ConsentState.GRANTED) ? HEADER_GRANTED : HEADER_DENIED;
		}
		if (fromCookie != null) {
			return (fromCookie == ConsentState.GRANTED) ? COOKIE_GRANTED : COOKIE_DENIED;
		}
		if (this.honorGlobalPrivacyControl && "1".equals(request.getHeader(GPC_HEADER))) {
			return GPC_DENIED;
		}
		return ConsentDecision.unspecified();
	}

	private static @Nullable ConsentState strictest(@Nullable Enumeration<String> values) {
		if (values == null) {
			return null;
		}
		ConsentState state = null;
		while (values.hasMoreElements()) {
			state = ConsentValues.strictest(state, ConsentValues.parse(values.nextElement()));
		}
		return state;
	}

}
