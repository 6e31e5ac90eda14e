package dev.cxp.internal.cmp;

import java.util.List;

import dev.cxp.consent.cmp.ConsentStringDecoder;

/**
 * Thrown at start-up when reading consent strings is switched on but nothing can decode them: the optional
 * dependency {@value #DEPENDENCY} is not on the classpath, and no {@link ConsentStringDecoder} bean is
 * declared.
 *
 * @since 0.2.0
 */
public class ConsentStringDecoderMissingException extends RuntimeException {

	/**
	 * The Maven coordinates of the library that decodes the strings.
	 */
	public static final String DEPENDENCY = "com.iabgpp:iabgpp-encoder";

	private final List<String> enabledBy;

	/**
	 * Create an exception.
	 * @param enabledBy the properties that switched reading on, such as {@code cxp.consent.tcf.enabled}
	 */
	public ConsentStringDecoderMissingException(List<String> enabledBy) {
		super(String.join(" and ", enabledBy) + " need a decoder of IAB consent strings, but " + DEPENDENCY
				+ " is not on the classpath and no ConsentStringDecoder bean is declared");
		this.enabledBy = List.copyOf(enabledBy);
	}

	/**
	 * The properties that switched reading on.
	 * @return property names, such as {@code cxp.consent.tcf.enabled}
	 */
	public List<String> getEnabledBy() {
		return this.enabledBy;
	}

}
