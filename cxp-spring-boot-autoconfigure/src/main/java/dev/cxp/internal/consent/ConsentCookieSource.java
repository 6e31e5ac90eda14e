package dev.cxp.internal.consent;

import java.util.List;
import java.util.Map;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;

/**
 * The starter's own consent cookie ({@code cxp.consent.cookie-name}, {@code cxp_consent} by default), which records
 * the choices made through the consent endpoint: every copy the browser sends, read by the rules of
 * {@link ConsentCookieFormat}.
 */
public final class ConsentCookieSource implements ConsentSource {

	private final String cookieName;

	private final ConsentCookieFormat format;

	/**
	 * Create the source.
	 * @param cookieName the name of the consent cookie
	 * @param format the consent cookie's format
	 */
	public ConsentCookieSource(String cookieName, ConsentCookieFormat format) {
		this.cookieName = cookieName;
		this.format = format;
	}

	@Override
	public String name() {
		return ConsentSources.COOKIE;
	}

	@Override
	public Map<String, ConsentState> states(ConsentRequest request) {
		List<String> values = request.cookies(this.cookieName);
		return values.isEmpty() ? Map.of() : this.format.readCookies(values);
	}

}
