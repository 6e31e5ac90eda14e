package dev.cxp.internal.consent;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ReactiveConsentResolver;

/**
 * What resolves consent in an application: the starter's chain of sources, or a resolver of the application's
 * own that replaces it. {@code /actuator/cxp} shows it, and an application that replaced the chain is told once, at
 * start-up, which of the enabled signals its resolver no longer consults, since no error would ever tell it.
 *
 * @param resolver the class name of the resolver in use
 * @param sources the names of the sources consulted, in order; empty when the application's resolver replaces the
 * chain
 * @param replaced the names of the enabled sources the chain would consult but the application's resolver does not
 */
public record ConsentResolution(String resolver, List<String> sources, List<String> replaced) {

	private static final Log logger = LogFactory.getLog(ConsentResolution.class);

	/**
	 * The resolution of an application, told at start-up when its resolver replaces the chain.
	 * @param resolver the resolver in use
	 * @param chain the starter's chain, built whether it is used or not
	 * @param usesChain whether the resolver in use is the starter's, which consults the chain
	 * @return the resolution
	 */
	public static ConsentResolution of(Object resolver, ConsentChain chain, boolean usesChain) {
		if (usesChain) {
			return new ConsentResolution(resolver.getClass().getName(), chain.sourceNames(), List.of());
		}
		List<String> replaced = new ArrayList<>();
		for (ConsentSource source : chain.sources()) {
			replaced.add(source.name());
		}
		String kind = (resolver instanceof ReactiveConsentResolver) ? ReactiveConsentResolver.class.getSimpleName()
				: ConsentResolver.class.getSimpleName();
		logger.warn("The application's " + kind + " (" + resolver.getClass().getName() + ") replaces the "
				+ "starter's sources of consent, which it no longer consults: " + String.join(", ", replaced)
				+ ". Global Privacy Control and cxp.consent.required still apply to what it answers. To add a "
				+ "signal of your own and keep the others, declare a ConsentSource bean instead.");
		return new ConsentResolution(resolver.getClass().getName(), List.of(), List.copyOf(replaced));
	}

}
