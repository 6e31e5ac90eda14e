package dev.cxp.internal.consent;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRegion;
import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.support.ThrottledWarning;

/**
 * The one step that decides consent for a request, for the request path and the consent endpoint alike: ask the
 * resolver, then apply what holds whatever the resolver is:
 * <ol>
 * <li>a resolver that throws fails closed: the request is denied, with source {@code error}; one that answers
 * {@code null} leaves every purpose unspecified;</li>
 * <li>Global Privacy Control ({@code Sec-GPC: 1}, exactly) denies every purpose the resolver left unspecified,
 * where the visitor's region honours it, with source {@code gpc} when nothing else was stated; an explicit
 * choice made on the site therefore outranks it;</li>
 * <li>{@code cxp.consent.required}, per region, says whether an unspecified tracking purpose allows tracking.</li>
 * </ol>
 */
public final class ConsentPolicy {

	private static final String GPC_HEADER = "Sec-GPC";

	private static final ConsentDecision RESOLVER_FAILED = ConsentDecision.denied(ConsentSources.ERROR);

	private static final Log logger = LogFactory.getLog(ConsentPolicy.class);

	private final Function<ConsentRequest, @Nullable ConsentDecision> resolver;

	private final ConsentPurposes purposes;

	private final ConsentRegions regions;

	private final ThrottledWarning resolverFailure = new ThrottledWarning(logger, Duration.ofMinutes(1));

	/**
	 * Create the policy.
	 * @param resolver the resolver to ask: the default resolution, or the application's resolver
	 * @param purposes the configured purposes
	 * @param regions the settings in effect per region, with the global ones
	 */
	public ConsentPolicy(Function<ConsentRequest, @Nullable ConsentDecision> resolver, ConsentPurposes purposes,
			ConsentRegions regions) {
		this.resolver = resolver;
		this.purposes = purposes;
		this.regions = regions;
	}

	/**
	 * Decide consent for a request. Never throws.
	 * @param request the request
	 * @return the consent decided
	 */
	public DecidedConsent decide(ConsentRequest request) {
		ConsentDecision resolved;
		try {
			resolved = this.resolver.apply(request);
		}
		catch (RuntimeException | LinkageError ex) {
			resolved = resolverFailed(ex);
		}
		return decide(request, resolved);
	}

	/**
	 * Decide consent for a request whose resolver was asked elsewhere, as a reactive resolver is: everything
	 * {@link #decide(ConsentRequest)} applies after asking the resolver.
	 * @param request the request
	 * @param resolved what the resolver answered; {@code null} leaves every purpose unspecified
	 * @return the consent decided
	 */
	public DecidedConsent decide(ConsentRequest request, @Nullable ConsentDecision resolved) {
		ConsentRegion region = this.regions.resolve(request);
		ConsentDecision decision = (resolved != null) ? this.purposes.normalize(resolved) : ConsentDecision.unspecified();
		if (region.honorGlobalPrivacyControl() && "1".equals(request.header(GPC_HEADER))) {
			decision = withGlobalPrivacyControl(decision);
		}
		return new DecidedConsent(decision, region, region.isEffective(decision.state()));
	}

	/**
	 * The decision that stands for a resolver that failed: denied, with source {@code error}. The failure is
	 * logged at most once a minute, without request data.
	 * @param failure what the resolver threw or signalled
	 * @return the decision
	 */
	public ConsentDecision resolverFailed(Throwable failure) {
		this.resolverFailure.warn("ConsentResolver failed; the request is treated as denied", failure);
		return RESOLVER_FAILED;
	}

	private ConsentDecision withGlobalPrivacyControl(ConsentDecision decision) {
		Map<String, ConsentState> states = new HashMap<>();
		boolean stated = false;
		boolean denied = false;
		for (String purpose : this.purposes.names()) {
			ConsentState state = decision.state(purpose);
			stated |= (state != ConsentState.UNSPECIFIED);
			denied |= (state == ConsentState.UNSPECIFIED);
			states.put(purpose, (state != ConsentState.UNSPECIFIED) ? state : ConsentState.DENIED);
		}
		if (!denied) {
			return decision;
		}
		return this.purposes.decision(states, stated ? decision.source() : ConsentSources.GPC);
	}

	/**
	 * The configured purposes.
	 * @return the purposes
	 */
	public ConsentPurposes purposes() {
		return this.purposes;
	}

	/**
	 * The regional settings.
	 * @return the settings per region, with the global ones
	 */
	public ConsentRegions regions() {
		return this.regions;
	}

}
