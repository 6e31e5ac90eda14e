package dev.cxp.internal.actuate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.cxp.internal.cmp.CmpConsentReader;

/**
 * Shows the consent strings that {@link CmpConsentReader} found invalid as the counter
 * {@code cxp.consent.strings.invalid}, tagged {@code kind} = {@code tcf} or {@code gpp}. The reader counts
 * anyway; this only reads its counts, so the request path never touches Micrometer.
 *
 * @since 0.2.0
 */
public class ConsentStringMeters implements MeterBinder {

	private final CmpConsentReader reader;

	/**
	 * Create the binder.
	 * @param reader the reader whose counts to show
	 */
	public ConsentStringMeters(CmpConsentReader reader) {
		this.reader = reader;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String kind : new String[] { CmpConsentReader.KIND_TCF, CmpConsentReader.KIND_GPP }) {
			FunctionCounter.builder("cxp.consent.strings.invalid", this.reader, (r) -> r.invalidStrings(kind))
				.description("Consent strings of a consent management platform that were invalid and so ignored")
				.tag("kind", kind)
				.register(registry);
		}
	}

}
