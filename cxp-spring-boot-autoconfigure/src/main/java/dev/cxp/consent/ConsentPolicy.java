package dev.cxp.consent;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.cxp.support.ThrottledWarning;

/**
 * Asks the {@link ConsentResolver} and applies the {@code cxp.consent.required} policy. A resolver that
 * throws fails closed: the request is treated as {@link ConsentState#DENIED} with source {@code error}.
 *
 * @since 0.1.0
 */
public class ConsentPolicy {

	private static final ConsentDecision RESOLVER_FAILED = ConsentDecision.denied(ConsentSources.ERROR);

	private static final Log logger = LogFactory.getLog(ConsentPolicy.class);

	private final ConsentResolver resolver;

	private final boolean required;

	private final ThrottledWarning resolverFailure = new ThrottledWarning(logger, Duration.ofMinutes(1));

	/**
	 * Create a policy.
	 * @param resolver the resolver to ask
	 * @param required whether an unspecified decision counts as a refusal
	 */
	public ConsentPolicy(ConsentResolver resolver, boolean required) {
		this.resolver = resolver;
		this.required = required;
	}

	/**
	 * Ask the resolver, never throwing.
	 * @param request the current request
	 * @return the resolver's decision, {@link ConsentDecision#unspecified()} for {@code null}, or a denial
	 * with source {@code error} when it threw
	 */
	public ConsentDecision decide(HttpServletRequest request) {
		try {
			ConsentDecision decision = this.resolver.resolve(request);
			return (decision != null) ? decision : ConsentDecision.unspecified();
		}
		catch (RuntimeException | LinkageError ex) {
			this.resolverFailure.warn("ConsentResolver failed; the request is treated as denied", ex);
			return RESOLVER_FAILED;
		}
	}

	/**
	 * Ask the resolver, never throwing, handing the default resolver the consent its caller already read
	 * from the request's cookies so that they are scanned once per request. Any other resolver is asked
	 * with the request alone.
	 * @param request the current request
	 * @param cookieConsent what the request's consent cookies carry, {@code null} when none holds an
	 * understood value
	 * @return the resolver's decision, {@link ConsentDecision#unspecified()} for {@code null}, or a denial
	 * with source {@code error} when it threw
	 * @since 0.2.0
	 */
	public ConsentDecision decide(HttpServletRequest request, @Nullable ConsentState cookieConsent) {
		if (!(this.resolver instanceof DefaultConsentResolver standard)) {
			return decide(request);
		}
		try {
			return standard.resolve(request, cookieConsent);
		}
		catch (RuntimeException | LinkageError ex) {
			this.resolverFailure.warn("ConsentResolver failed; the request is treated as denied", ex);
			return RESOLVER_FAILED;
		}
	}

	/**
	 * Whether a decision allows storing and emitting anything.
	 * @param decision the decision
	 * @return {@code true} when granted, or unspecified and consent is not required
	 */
	public boolean isEffective(ConsentDecision decision) {
		return switch (decision.state()) {
			case GRANTED -> true;
			case DENIED -> false;
			case UNSPECIFIED -> !this.required;
		};
	}

	/**
	 * Whether consent must be given explicitly.
	 * @return the {@code cxp.consent.required} setting
	 */
	public boolean isRequired() {
		return this.required;
	}

}
