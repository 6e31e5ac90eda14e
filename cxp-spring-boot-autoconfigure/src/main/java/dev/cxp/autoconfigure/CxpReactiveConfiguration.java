package dev.cxp.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import dev.cxp.consent.ReactiveConsentResolver;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.consent.ConsentChain;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.ConsentRegions;
import dev.cxp.internal.consent.ConsentResolution;
import dev.cxp.internal.consent.GoogleConsentModes;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.session.reactive.AdaptedReactiveSessionStore;
import dev.cxp.internal.session.reactive.ReactiveSessionTracker;
import dev.cxp.internal.session.reactive.ReactiveVisitorSessionStore;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.RequestRules;
import dev.cxp.internal.web.reactive.ReactiveConsentPolicy;
import dev.cxp.internal.web.reactive.ReactiveRequestClassifier;
import dev.cxp.internal.web.reactive.ReactiveVisitorRequestPath;
import dev.cxp.internal.web.reactive.VisitorIdentityWebFilter;
import dev.cxp.session.VisitorSessionStore;

/**
 * The request path of a WebFlux application: the policy over the default resolution, or over the application's
 * {@link ReactiveConsentResolver}; the session store reached without blocking (Lettuce's reactive API for the
 * Redis store, the in-memory store as it is, any other store on the bounded elastic scheduler); and the
 * {@code WebFilter} that runs the path before each controller method. Imported by {@link CxpAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(DispatcherHandler.class)
final class CxpReactiveConfiguration {

	private static final boolean REDIS_STORE_PRESENT = ClassUtils.isPresent("io.lettuce.core.RedisClient",
			CxpReactiveConfiguration.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.data.redis.connection.RedisConnectionFactory",
					CxpReactiveConfiguration.class.getClassLoader());

	@Bean
	ConsentPolicy cxpConsentPolicy(ConsentChain chain, ConsentPurposes purposes, ConsentRegions regions) {
		return new ConsentPolicy(chain::resolve, purposes, regions);
	}

	@Bean
	ReactiveConsentPolicy cxpReactiveConsentPolicy(ConsentPolicy policy,
			ObjectProvider<ReactiveConsentResolver> resolver) {
		return new ReactiveConsentPolicy(policy, resolver.getIfUnique());
	}

	// Following the signed-in user is built for Spring MVC only: say so rather than silently do nothing
	@Bean
	@ConditionalOnBooleanProperty("cxp.consent.follow-user.enabled")
	Object cxpFollowUserOnWebFlux() {
		throw new IllegalStateException("cxp.consent.follow-user.enabled is not supported on WebFlux yet: remove it, "
				+ "or run the application on Spring MVC");
	}

	@Bean
	ConsentResolution cxpConsentResolution(ObjectProvider<ReactiveConsentResolver> resolver, ConsentChain chain) {
		ReactiveConsentResolver own = resolver.getIfUnique();
		return ConsentResolution.of((own != null) ? own : chain, chain, own == null);
	}

	@Bean
	VisitorRequestPath cxpVisitorRequestPath(ConsentPolicy consentPolicy, CxpCookies cookies,
			VisitorIdentity identity, SessionTracker sessionTracker, CxpActivity activity) {
		return new VisitorRequestPath(consentPolicy, cookies, identity, sessionTracker, activity);
	}

	@Bean
	ReactiveVisitorSessionStore cxpReactiveSessionStore(VisitorSessionStore store) {
		ReactiveVisitorSessionStore redis = REDIS_STORE_PRESENT ? RedisReactiveStores.of(store) : null;
		return (redis != null) ? redis : AdaptedReactiveSessionStore.of(store);
	}

	@Bean
	ReactiveSessionTracker cxpReactiveSessionTracker(SessionTracker sessionTracker,
			ReactiveVisitorSessionStore store) {
		return new ReactiveSessionTracker(sessionTracker, store);
	}

	@Bean
	ReactiveVisitorRequestPath cxpReactiveVisitorRequestPath(ReactiveConsentPolicy policy, VisitorRequestPath path,
			VisitorIdentity identity, ReactiveSessionTracker sessionTracker) {
		return new ReactiveVisitorRequestPath(policy, path, identity, sessionTracker);
	}

	@Bean
	ReactiveRequestClassifier cxpReactiveRequestClassifier(CxpProperties properties, Environment environment,
			ListableBeanFactory beanFactory) {
		RequestRules rules = new RequestRules(CxpAutoConfiguration.ignoredPaths(properties, environment),
				properties.tracking().excludePatterns());
		return new ReactiveRequestClassifier(rules, SingletonSupplier.ofNullable(() -> handlerMapping(beanFactory)));
	}

	@Bean
	VisitorIdentityWebFilter cxpVisitorIdentityWebFilter(ReactiveRequestClassifier classifier,
			ReactiveVisitorRequestPath requestPath, ObjectProvider<GoogleConsentModes> consentModes) {
		return new VisitorIdentityWebFilter(classifier, requestPath, consentModes.getIfAvailable());
	}

	// The mapping of the application's annotated controllers: WebFlux's own, not Actuator's or another library's
	private static @Nullable RequestMappingHandlerMapping handlerMapping(ListableBeanFactory beanFactory) {
		String name = "requestMappingHandlerMapping";
		if (beanFactory.containsBean(name) && beanFactory.isTypeMatch(name, RequestMappingHandlerMapping.class)) {
			return beanFactory.getBean(name, RequestMappingHandlerMapping.class);
		}
		return beanFactory.getBeanProvider(RequestMappingHandlerMapping.class).getIfUnique();
	}

}
