package dev.cxp.internal.cmp;

import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;

/**
 * The IAB decoder, counting how often it is asked.
 */
class CountingDecoder implements ConsentStringDecoder {

	private final ConsentStringDecoder decoder = new IabConsentStringDecoder();

	final AtomicInteger tcfDecodes = new AtomicInteger();

	final AtomicInteger gppDecodes = new AtomicInteger();

	@Override
	public @Nullable TcfConsent decodeTcf(String tcString) {
		this.tcfDecodes.incrementAndGet();
		return this.decoder.decodeTcf(tcString);
	}

	@Override
	public @Nullable GppConsent decodeGpp(String gppString, @Nullable String applicableSectionIds) {
		this.gppDecodes.incrementAndGet();
		return this.decoder.decodeGpp(gppString, applicableSectionIds);
	}

}
