package dev.cxp.internal.platform;

import java.util.Map;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentState;

/**
 * A consent management platform's cookie as a source of the default resolution, named after the platform
 * ({@code onetrust}, {@code cookiebot}, {@code klaro}, {@code cookieconsent}). The platforms a site switches on are
 * read as one group of peers, in which a denial from any platform wins (SPEC S14.2).
 */
public final class PlatformConsentSource implements ConsentSource {

	private final PlatformConsentReader reader;

	/**
	 * Create the source.
	 * @param reader the reader of the platform's cookie
	 */
	public PlatformConsentSource(PlatformConsentReader reader) {
		this.reader = reader;
	}

	@Override
	public String name() {
		return this.reader.name();
	}

	@Override
	public Map<String, ConsentState> states(ConsentRequest request) {
		return this.reader.read(request::cookies);
	}

	/**
	 * The reader of the platform's cookie.
	 * @return the reader
	 */
	public PlatformConsentReader reader() {
		return this.reader;
	}

}
