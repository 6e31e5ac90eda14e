package dev.cxp.internal.cmp;

import java.util.List;
import java.util.Map;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;

/**
 * The TC string of a consent management platform in IAB TCF mode ({@code cxp.consent.tcf.cookie-name},
 * {@code euconsent-v2} by default), as a source of the default resolution (SPEC S11.3).
 */
public final class TcfConsentSource implements ConsentSource {

	private final CmpConsentReader reader;

	private final String cookieName;

	/**
	 * Create the source.
	 * @param reader the reader of consent strings, with TC strings switched on
	 * @param settings how the TC string is read
	 */
	public TcfConsentSource(CmpConsentReader reader, TcfSettings settings) {
		this.reader = reader;
		this.cookieName = settings.cookieName();
	}

	@Override
	public String name() {
		return ConsentSources.TCF;
	}

	@Override
	public Map<String, ConsentState> states(ConsentRequest request) {
		List<String> values = request.cookies(this.cookieName);
		CmpConsent consent = values.isEmpty() ? null : this.reader.readTcf(values);
		return (consent != null) ? consent.purposes() : Map.of();
	}

}
