package dev.cxp.internal.consent;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRegion;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentRegions;
import dev.cxp.internal.support.ThrottledWarning;

/**
 * Asks the {@link ConsentResolver} and applies the {@code cxp.consent.required} policy, per region when
 * regional settings are configured. A resolver that throws fails closed: the request is treated as
 * {@link ConsentState#DENIED} with source {@code error}. A decision that lists the tracking purpose is read
 * with {@link ConsentDecision#state()} as that purpose's state.
 *
 * @since 0.1.0
 */
public class ConsentPolicy {

	private static final ConsentDecision RESOLVER_FAILED = ConsentDecision.denied(ConsentSources.ERROR);

	private static final Log logger = LogFactory.getLog(ConsentPolicy.class);

	private final ConsentResolver resolver;

	private final boolean required;

	private final ConsentPurposes purposes;

	private final ConsentRegions regions;

	private final ThrottledWarning resolverFailure = new ThrottledWarning(logger, Duration.ofMinutes(1));

	/**
	 * Create a policy.
	 * @param resolver the resolver to ask
	 * @param required whether an unspecified decision counts as a refusal
	 */
	public ConsentPolicy(ConsentResolver resolver, boolean required) {
		this(resolver, ConsentPurposes.defaults(), ConsentRegions.global(required, true));
	}

	/**
	 * Create a policy with purposes and regional settings.
	 * @param resolver the resolver to ask
	 * @param purposes the configured purposes
	 * @param regions the settings in effect per region, with the global ones
	 * @since 0.2.0
	 */
	public ConsentPolicy(ConsentResolver resolver, ConsentPurposes purposes, ConsentRegions regions) {
		this.resolver = resolver;
		this.required = regions.global().required();
		this.purposes = purposes;
		this.regions = regions;
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
			return (decision != null) ? this.purposes.normalize(decision) : ConsentDecision.unspecified();
		}
		catch (RuntimeException | LinkageError ex) {
			this.resolverFailure.warn("ConsentResolver failed; the request is treated as denied", ex);
			return RESOLVER_FAILED;
		}
	}

	/**
	 * Ask the resolver, never throwing, handing the default resolver the consent cookies its caller already
	 * read from the request so that they are scanned once per request. Any other resolver is asked with the
	 * request alone.
	 * @param request the current request
	 * @param consentCookies the values of the request's consent cookies
	 * @return the resolver's decision, {@link ConsentDecision#unspecified()} for {@code null}, or a denial
	 * with source {@code error} when it threw
	 * @since 0.2.0
	 */
	public ConsentDecision decide(HttpServletRequest request, ConsentCookieValues consentCookies) {
		return decide(request, consentCookies, null);
	}

	/**
	 * Ask the resolver, never throwing, handing the default resolver the consent cookies and the region its
	 * caller already read from the request, so that neither is read twice. Any other resolver is asked with
	 * the request alone.
	 * @param request the current request
	 * @param consentCookies the values of the request's consent cookies
	 * @param region the settings in effect for the request, as {@link #region(HttpServletRequest)} found
	 * them, or {@code null}
	 * @return the resolver's decision, {@link ConsentDecision#unspecified()} for {@code null}, or a denial
	 * with source {@code error} when it threw
	 * @since 0.2.0
	 */
	public ConsentDecision decide(HttpServletRequest request, ConsentCookieValues consentCookies,
			@Nullable ConsentRegion region) {
		int size = consentCookies.size();
		return decide(request, (size > 0) ? consentCookies.get(0) : null,
				(size > 1) ? consentCookies.asList().subList(1, size) : null, region);
	}

	/**
	 * Ask the resolver, never throwing, handing the default resolver the consent cookie values and the region
	 * its caller already read, as plain values, so that the object that read them need not leave the caller.
	 * Any other resolver is asked with the request alone.
	 * @param request the current request
	 * @param consentCookie the value of the first consent cookie, or {@code null} when there is none
	 * @param moreConsentCookies the values of further consent cookies, or {@code null} when there are none
	 * @param region the settings in effect for the request, or {@code null}
	 * @return the resolver's decision, {@link ConsentDecision#unspecified()} for {@code null}, or a denial
	 * with source {@code error} when it threw
	 * @since 0.2.0
	 */
	public ConsentDecision decide(HttpServletRequest request, @Nullable String consentCookie,
			@Nullable List<String> moreConsentCookies, @Nullable ConsentRegion region) {
		if (!(this.resolver instanceof DefaultConsentResolver standard)) {
			return decide(request);
		}
		try {
			return standard.resolve(request, consentCookie, moreConsentCookies, region);
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
	 * Whether a decision allows the tracking purpose under the settings of a region.
	 * @param decision the decision
	 * @param region the settings in effect for the request
	 * @return {@code true} when the tracking purpose is granted, or unspecified and consent is not required
	 * there
	 * @since 0.2.0
	 */
	public boolean isEffective(ConsentDecision decision, ConsentRegion region) {
		return region.isEffective(decision.state());
	}

	/**
	 * The settings in effect for a request. Look them up once per request and hand them on.
	 * @param request the request
	 * @return its region's settings, or the global ones
	 * @since 0.2.0
	 */
	public ConsentRegion region(HttpServletRequest request) {
		return this.regions.resolve(request);
	}

	/**
	 * Whether consent must be given explicitly where no region applies.
	 * @return the {@code cxp.consent.required} setting
	 */
	public boolean isRequired() {
		return this.required;
	}

	/**
	 * The configured purposes.
	 * @return the purposes
	 * @since 0.2.0
	 */
	public ConsentPurposes purposes() {
		return this.purposes;
	}

	/**
	 * The regional settings.
	 * @return the settings per region
	 * @since 0.2.0
	 */
	public ConsentRegions regions() {
		return this.regions;
	}

}
