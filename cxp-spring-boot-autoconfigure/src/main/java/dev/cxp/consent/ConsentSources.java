package dev.cxp.consent;

/**
 * The {@link ConsentDecision#source() sources} the starter itself gives its decisions: the one place they are
 * named, for the resolver, the policy, the consent endpoint and the meters.
 *
 * @since 0.2.0
 */
public final class ConsentSources {

	/**
	 * A decision taken from the consent header.
	 */
	public static final String HEADER = "header";

	/**
	 * A decision taken from the consent cookie.
	 */
	public static final String COOKIE = "cookie";

	/**
	 * A denial signalled by Global Privacy Control.
	 */
	public static final String GPC = "gpc";

	/**
	 * Nothing was known: the source of {@link ConsentDecision#unspecified()}.
	 */
	public static final String NONE = "none";

	/**
	 * The denial used when the resolver threw.
	 */
	public static final String ERROR = "error";

	private ConsentSources() {
	}

}
