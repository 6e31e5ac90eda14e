package dev.cxp.actuate.endpoint;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.cxp.activity.CxpActivity;
import dev.cxp.consent.ConsentState;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.visitor.CookieAttributes;

/**
 * The {@code cxp} Actuator endpoint: the configuration in effect and live figures, so that operators can
 * see what the starter decides. It never shows a visitor id.
 *
 * @since 0.1.0
 */
@Endpoint(id = "cxp")
public class CxpEndpoint {

	private final ConfigurationDescriptor configuration;

	private final CxpActivity activity;

	private final VisitorSessionStore store;

	/**
	 * Create the endpoint.
	 * @param configuration the configuration in effect
	 * @param activity the counts since start-up, the same the meters read
	 * @param store the session store, for its type and size
	 */
	public CxpEndpoint(ConfigurationDescriptor configuration, CxpActivity activity, VisitorSessionStore store) {
		this.configuration = configuration;
		this.activity = activity;
		this.store = store;
	}

	/**
	 * Describe the configuration and the figures.
	 * @return the description
	 */
	@ReadOperation
	public CxpDescriptor cxp() {
		long activeSessions;
		try {
			activeSessions = this.store.size();
		}
		catch (RuntimeException ex) {
			activeSessions = -1;
		}
		Map<ConsentState, Long> decisions = new EnumMap<>(ConsentState.class);
		for (ConsentState state : ConsentState.values()) {
			decisions.put(state, this.activity.decisions(state));
		}
		Figures figures = new Figures(decisions, this.activity.effectiveDecisions(), activeSessions,
				this.activity.sessionsStarted(), this.activity.pageViews(), this.activity.visitorsCreated(),
				this.activity.visitorsErased(), this.activity.visitorsInvalid(), this.activity.storeErrors());
		return new CxpDescriptor(this.configuration, this.store.type(), figures);
	}

	/**
	 * What the endpoint answers.
	 *
	 * @param configuration the configuration in effect
	 * @param store the type of the session store in use
	 * @param figures live figures since start-up
	 */
	public record CxpDescriptor(ConfigurationDescriptor configuration, String store, Figures figures) {

	}

	/**
	 * The configuration in effect.
	 *
	 * @param consentRequired whether tracking needs an explicit grant
	 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent
	 * @param consentHeader name of the consent header
	 * @param consentCookie the consent cookie
	 * @param visitorCookie the visitor id cookie
	 * @param sessionTimeout idle time after which a visit session ends
	 * @param recordQueryString whether recorded pages keep their query string
	 * @param maxEntries bound of the in-memory store
	 */
	public record ConfigurationDescriptor(boolean consentRequired, boolean honorGlobalPrivacyControl, String consentHeader,
			CookieAttributes consentCookie, CookieAttributes visitorCookie, Duration sessionTimeout, boolean recordQueryString,
			long maxEntries) {

	}

	/**
	 * Live figures since start-up.
	 *
	 * @param decisions consent decisions by state
	 * @param effectiveDecisions decisions that allowed tracking
	 * @param activeSessions sessions held by the store now, -1 when the store could not tell
	 * @param sessionsStarted visit sessions started
	 * @param pageViews page views tracked
	 * @param visitorsCreated visitor ids issued
	 * @param visitorsErased responses that deleted the visitor id cookie
	 * @param visitorsInvalid incoming visitor ids rejected
	 * @param storeErrors session store failures
	 */
	public record Figures(Map<ConsentState, Long> decisions, long effectiveDecisions, long activeSessions,
			long sessionsStarted, long pageViews, long visitorsCreated, long visitorsErased, long visitorsInvalid,
			long storeErrors) {

	}

}
