package dev.cxp.internal.consent;

import java.util.List;
import java.util.Map;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;

/**
 * The consent header ({@code cxp.consent.header-name}, {@code X-CXP-Consent} by default), read in the consent
 * cookie's format: the first source of the default resolution.
 */
public final class ConsentHeaderSource implements ConsentSource {

	private final String headerName;

	private final ConsentCookieFormat format;

	/**
	 * Create the source.
	 * @param headerName the name of the consent header
	 * @param format the consent cookie's format, whose rules the header's values follow
	 */
	public ConsentHeaderSource(String headerName, ConsentCookieFormat format) {
		this.headerName = headerName;
		this.format = format;
	}

	@Override
	public String name() {
		return ConsentSources.HEADER;
	}

	@Override
	public Map<String, ConsentState> states(ConsentRequest request) {
		// Most requests carry no consent header: asking for its first value allocates nothing
		if (request.header(this.headerName) == null) {
			return Map.of();
		}
		List<String> values = request.headers(this.headerName);
		return this.format.readHeaders(values);
	}

}
