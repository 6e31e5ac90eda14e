package dev.cxp.internal.cmp;

import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;

/**
 * A decoder of an application's own that fails on some values as a broken one would, and decodes every other
 * value with the IAB decoder: {@value #OUT_OF_MEMORY} throws an {@link OutOfMemoryError},
 * {@value #STACK_OVERFLOW} a {@link StackOverflowError} and {@value #BROKEN} an {@link IllegalStateException}.
 */
class FailingDecoder implements ConsentStringDecoder {

	static final String OUT_OF_MEMORY = "CPoutOfMemory";

	static final String STACK_OVERFLOW = "DBstackOverflow";

	static final String BROKEN = "CPbroken";

	private final ConsentStringDecoder decoder = new IabConsentStringDecoder();

	final AtomicInteger calls = new AtomicInteger();

	@Override
	public @Nullable TcfConsent decodeTcf(String tcString) {
		this.calls.incrementAndGet();
		fail(tcString);
		return this.decoder.decodeTcf(tcString);
	}

	@Override
	public @Nullable GppConsent decodeGpp(String gppString, @Nullable String applicableSectionIds) {
		this.calls.incrementAndGet();
		fail(gppString);
		return this.decoder.decodeGpp(gppString, applicableSectionIds);
	}

	private static void fail(String value) {
		switch (value) {
			case OUT_OF_MEMORY -> throw new OutOfMemoryError("Java heap space");
			case STACK_OVERFLOW -> throw new StackOverflowError();
			case BROKEN -> throw new IllegalStateException("broken");
			default -> {
			}
		}
	}

}
