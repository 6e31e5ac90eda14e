package dev.cxp.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.internal.cmp.ConsentStringDecoderMissingException;

/**
 * Explains a {@link ConsentStringDecoderMissingException}: which dependency to add, or what to switch off.
 */
class ConsentStringDecoderMissingFailureAnalyzer extends AbstractFailureAnalyzer<ConsentStringDecoderMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConsentStringDecoderMissingException cause) {
		String properties = String.join(" and ", cause.getEnabledBy());
		String description = properties + " switched on reading the consent strings of a consent management "
				+ "platform (IAB TCF and GPP), but they cannot be decoded: the optional dependency "
				+ ConsentStringDecoderMissingException.DEPENDENCY + " is not on the classpath.";
		String action = "Add the dependency " + ConsentStringDecoderMissingException.DEPENDENCY
				+ " (version 3.2.4, or a later 3.x) to your application, declare a ConsentStringDecoder bean of your "
				+ "own, or set " + String.join(" and ", cause.getEnabledBy().stream().map((p) -> p + "=false").toList())
				+ ".";
		return new FailureAnalysis(description, action, cause);
	}

}
