package dev.cxp.internal.actuate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.cxp.internal.platform.PlatformConsentReader;
import dev.cxp.internal.platform.PlatformCookies;

/**
 * Shows the consent platforms' cookie values that were invalid, and so ignored, as the counter
 * {@code cxp.consent.strings.invalid}, tagged {@code kind} with the platform ({@code onetrust}, {@code cookiebot},
 * {@code klaro}, {@code cookieconsent}), beside the TC and GPP strings. The readers count anyway; this only reads
 * their counts.
 */
public class PlatformCookieMeters implements MeterBinder {

	private final PlatformCookies platforms;

	/**
	 * Create the binder.
	 * @param platforms the platforms switched on, whose counts to show
	 */
	public PlatformCookieMeters(PlatformCookies platforms) {
		this.platforms = platforms;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (PlatformConsentReader reader : this.platforms.readers()) {
			FunctionCounter.builder("cxp.consent.strings.invalid", reader, PlatformConsentReader::invalidValues)
				.description("Consent strings of a consent management platform that were invalid and so ignored")
				.tag("kind", reader.name())
				.register(registry);
		}
	}

}
