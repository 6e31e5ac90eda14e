package dev.cxp.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.actuate.CxpEndpoint;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.ConsentResolution;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.ledger.ConsentLedgerPurge;
import dev.cxp.internal.platform.PlatformCookies;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.session.VisitorSessionStore;

/**
 * Auto-configuration of the {@code cxp} Actuator endpoint, when Actuator is present and the endpoint is
 * available (enabled and exposed).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CxpAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(CxpEndpoint.class)
@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
@ConditionalOnBean({ CxpActivity.class, VisitorSessionStore.class })
public final class CxpEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CxpEndpoint cxpEndpoint(CxpProperties properties, ConsentPolicy consentPolicy, ConsentResolution resolution,
			CxpCookies cookies,
			CxpActivity activity, VisitorSessionStore store, ObjectProvider<CmpConsentReader> consentStrings,
			PlatformCookies platforms, ObjectProvider<ConsentLedgerCounters> ledgerCounters,
			ObjectProvider<ConsentLedgerPurge> ledgerPurge) {
		CxpProperties.Session session = properties.session();
		CxpEndpoint.ConfigurationDescriptor configuration = new CxpEndpoint.ConfigurationDescriptor(
				consentPolicy.regions().global().required(), properties.consent().honorGlobalPrivacyControl(),
				properties.consent().headerName(), cookies.consentCookie(), cookies.visitorCookie(), session.timeout(),
				session.recordQueryString(), session.maxEntries(),
				consentModel(properties.consent(), consentPolicy, resolution));
		ConsentLedgerPurge purge = ledgerPurge.getIfAvailable();
		return new CxpEndpoint(configuration, activity, store, consentStrings.getIfAvailable(), platforms,
				ledgerCounters.getIfAvailable(), (purge != null) ? purge.retention() : null);
	}

	private static CxpEndpoint.ConsentModel consentModel(CxpProperties.Consent consent, ConsentPolicy policy,
			ConsentResolution resolution) {
		return new CxpEndpoint.ConsentModel(policy.purposes().names(), policy.purposes().trackingPurpose(),
				consent.revision(), consent.region().header(), policy.regions().configured(),
				consent.signing().enabled(), resolution.resolver(), resolution.sources());
	}

}
