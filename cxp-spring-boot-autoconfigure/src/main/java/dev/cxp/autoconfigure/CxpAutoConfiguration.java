package dev.cxp.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import dev.cxp.consent.ConsentSource;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.cmp.GppConsentSource;
import dev.cxp.internal.cmp.TcfConsentSource;
import dev.cxp.internal.consent.ConsentChain;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentCookieSigner;
import dev.cxp.internal.consent.ConsentCookieSource;
import dev.cxp.internal.consent.ConsentHeaderSource;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.ConsentRegions;
import dev.cxp.internal.consent.GoogleConsentModes;
import dev.cxp.internal.consent.RegionSettings;
import dev.cxp.internal.platform.PlatformCookies;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.session.redis.RedisSessionStoreUnavailableException;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.visitor.CookieAttributes;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.session.VisitorSessionStore;

/**
 * Auto-configuration of consent-gated visitor identity and visit sessions, for Spring MVC and WebFlux
 * applications: the stack-neutral core here, and the request path of each stack in its own configuration
 * ({@link CxpServletConfiguration}, {@link CxpReactiveConfiguration}). When both stacks are on the class path,
 * Spring Boot's rule decides the application's type (Spring MVC wins), and only that stack's beans are created.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication
@Conditional(CxpAutoConfiguration.OnSupportedWebStack.class)
@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CxpProperties.class)
@Import({ CxpServletConfiguration.class, CxpReactiveConfiguration.class })
public final class CxpAutoConfiguration {

	@Bean
	CxpActivity cxpActivity() {
		return new CxpActivity();
	}

	@Bean
	ConsentPurposes cxpConsentPurposes(CxpProperties properties) {
		return properties.consent().consentPurposes();
	}

	@Bean
	ConsentCookieFormat cxpConsentCookieFormat(ConsentPurposes purposes, CxpProperties properties) {
		CxpProperties.Consent consent = properties.consent();
		ConsentCookieSigner signer = consent.signing().enabled()
				? new ConsentCookieSigner(consent.cookieName(), consent.signing().decodedKeys()) : null;
		return new ConsentCookieFormat(purposes, consent.revision(), signer);
	}

	@Bean
	ConsentRegions cxpConsentRegions(CxpProperties properties) {
		CxpProperties.Consent consent = properties.consent();
		Map<String, RegionSettings> regions = new LinkedHashMap<>();
		consent.regions()
			.forEach((code, region) -> regions.put(code,
					new RegionSettings(region.required(), region.honorGlobalPrivacyControl())));
		return new ConsentRegions(consent.region().header(), consent.region().subdivisionHeader(), consent.required(),
				consent.honorGlobalPrivacyControl(), regions);
	}

	@Bean
	PlatformCookies cxpPlatformCookies(CxpProperties properties) {
		return new PlatformCookies(PlatformReaders.of(properties.consent()));
	}

	/**
	 * The chain of sources (SPEC S16.1, S14.2): the consent header, the consent cookie, the application's sources
	 * in their order, the consent platforms' cookies as one group in which a denial wins, the TC string and the
	 * GPP string. Global Privacy Control is applied after it, by the policy.
	 */
	@Bean
	ConsentChain cxpConsentChain(CxpProperties properties, ConsentCookieFormat format, ConsentPurposes purposes,
			ConsentRegions regions, ObjectProvider<ConsentSource> applicationSources, PlatformCookies platforms,
			ObjectProvider<CmpConsentReader> consentStrings) {
		List<List<ConsentSource>> links = new ArrayList<>();
		links.add(List.of(new ConsentHeaderSource(properties.consent().headerName(), format)));
		links.add(List.of(new ConsentCookieSource(properties.consent().cookieName(), format)));
		applicationSources.orderedStream().forEach((source) -> links.add(List.of(source)));
		links.add(platforms.sources());
		CmpConsentReader reader = consentStrings.getIfAvailable();
		if (reader != null && reader.tcfSettings() != null) {
			links.add(List.of(new TcfConsentSource(reader, reader.tcfSettings())));
		}
		if (reader != null && reader.gppSettings() != null) {
			links.add(List.of(new GppConsentSource(reader, reader.gppSettings(), purposes, regions)));
		}
		return new ConsentChain(links, purposes);
	}

	@Bean
	@ConditionalOnBooleanProperty("cxp.consent.google-consent-mode.enabled")
	GoogleConsentModes cxpGoogleConsentModes(CxpProperties properties, ConsentPurposes purposes) {
		return GoogleConsentModes.of(properties.consent().googleConsentMode().types(), purposes);
	}

	@Bean
	CxpCookies cxpCookies(CxpProperties properties) {
		CxpProperties.Visitor visitor = properties.visitor();
		String sameSite = visitor.sameSite().attributeValue();
		CookieAttributes visitorCookie = new CookieAttributes(visitor.cookieName(), visitor.maxAge(),
				visitor.domain(), sameSite, visitor.secure(), visitor.httpOnly());
		// The consent cookie follows the visitor cookie's scope, but page scripts may always read the choice.
		CookieAttributes consentCookie = new CookieAttributes(properties.consent().cookieName(),
				properties.consent().maxAge(), visitor.domain(), sameSite, visitor.secure(), false);
		return new CxpCookies(visitorCookie, consentCookie);
	}

	@Bean
	SecureIdGenerator cxpIdGenerator() {
		return new SecureIdGenerator();
	}

	@Bean
	@ConditionalOnMissingBean
	VisitorSessionStore visitorSessionStore(CxpProperties properties, ObjectProvider<Clock> clock,
			SecureIdGenerator ids, ListableBeanFactory beanFactory) {
		if (properties.session().store() == CxpProperties.StoreType.REDIS) {
			// Falling back to memory would silently split sessions between instances.
			throw RedisSessionStoreUnavailableException.diagnose(beanFactory);
		}
		return new InMemoryVisitorSessionStore(properties.session().timeout(), ids::sessionId, clock(clock),
				properties.session().maxEntries(), properties.session().maxMemory().toBytes());
	}

	@Bean
	SessionTracker cxpSessionTracker(VisitorSessionStore store, ObjectProvider<Clock> clock, CxpProperties properties,
			ApplicationEventPublisher events, CxpActivity activity) {
		CxpProperties.Session session = properties.session();
		return new SessionTracker(store, clock(clock), session.recordQueryString(), events, activity);
	}

	@Bean
	VisitorIdentity cxpVisitorIdentity(CxpCookies cookies, SecureIdGenerator ids, SessionTracker sessionTracker,
			CxpActivity activity) {
		return new VisitorIdentity(cookies, ids, sessionTracker, activity);
	}

	/**
	 * A web application of a stack the starter serves: Spring MVC or WebFlux.
	 */
	static final class OnSupportedWebStack extends AnyNestedCondition {

		OnSupportedWebStack() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
		static class SpringMvc {

		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		@ConditionalOnClass(name = "org.springframework.web.reactive.DispatcherHandler")
		static class WebFlux {

		}

	}

	// The paths the starter leaves alone, on either stack: its own endpoints, Actuator's and the error page
	static List<String> ignoredPaths(CxpProperties properties, Environment environment) {
		List<String> ignored = new ArrayList<>();
		ignored.add(properties.web().basePath() + "/**");
		ignored.add(environment.getProperty("management.endpoints.web.base-path", "/actuator") + "/**");
		ignored.add(environment.getProperty("server.error.path", "/error"));
		return ignored;
	}

	// The application's clock when it declares one (tests do), else the system's: the starter publishes none
	static Clock clock(ObjectProvider<Clock> clock) {
		return clock.getIfAvailable(Clock::systemUTC);
	}

}
