package dev.cxp.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.cxp.actuate.CxpEndpoint;
import dev.cxp.actuate.CxpStatistics;
import dev.cxp.consent.ConsentPolicy;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.visitor.CxpCookies;

/**
 * Auto-configuration of the {@code cxp} Actuator endpoint, when it is exposed.
 *
 * @author CXP
 */
@AutoConfiguration(after = CxpAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(VisitorSessionStore.class)
public final class CxpEndpointAutoConfiguration {

	// The endpoint condition sits on the methods: its class exists only with Actuator, and a class-level
	// condition would be loaded before @ConditionalOnClass could rule the configuration out.
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(CxpEndpoint.class)
	CxpStatistics cxpStatistics() {
		return new CxpStatistics();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	CxpEndpoint cxpEndpoint(CxpProperties properties, ConsentPolicy consentPolicy, CxpCookies cookies,
			CxpStatistics statistics, VisitorSessionStore store) {
		CxpProperties.Session session = properties.session();
		CxpEndpoint.Configuration configuration = new CxpEndpoint.Configuration(consentPolicy.isRequired(),
				properties.consent().honorGlobalPrivacyControl(), properties.consent().headerName(),
				cookies.consentCookie(), cookies.visitorCookie(), session.timeout(), session.recordQueryString(),
				session.maxEntries(), consentModel(properties.consent(), consentPolicy));
		return new CxpEndpoint(configuration, statistics, store);
	}

	private static CxpEndpoint.ConsentModel consentModel(CxpProperties.Consent consent, ConsentPolicy policy) {
		return new CxpEndpoint.ConsentModel(policy.purposes().names(), policy.purposes().trackingPurpose(),
				consent.revision(), consent.region().header(), policy.regions().configured());
	}

}
