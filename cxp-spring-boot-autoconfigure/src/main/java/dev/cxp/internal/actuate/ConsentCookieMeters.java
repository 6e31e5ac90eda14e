package dev.cxp.internal.actuate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentCookieSigner;

/**
 * Shows the consent cookie values whose grants were refused because they were not correctly signed as the
 * counter {@code cxp.consent.cookies.rejected}, when the consent cookie is signed. The
 * {@link ConsentCookieSigner} counts anyway; this only reads its count, so the request path never touches
 * Micrometer.
 *
 * @since 0.3.0
 */
public class ConsentCookieMeters implements MeterBinder {

	private final ConsentCookieFormat format;

	/**
	 * Create the binder.
	 * @param format the consent cookie's format, whose signer's count to show
	 */
	public ConsentCookieMeters(ConsentCookieFormat format) {
		this.format = format;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		ConsentCookieSigner signer = this.format.signer();
		if (signer == null) {
			return;
		}
		FunctionCounter.builder("cxp.consent.cookies.rejected", signer, ConsentCookieSigner::rejectedGrants)
			.description("Consent cookie values whose grants were refused because they were not correctly signed")
			.register(registry);
	}

}
