package dev.cxp.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.cxp.consent.ConsentResolver;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.consent.ConsentChain;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.ConsentRegions;
import dev.cxp.internal.consent.ConsentResolution;
import dev.cxp.internal.consent.GoogleConsentModes;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.servlet.DefaultConsentResolver;
import dev.cxp.internal.web.servlet.RequestClassifier;
import dev.cxp.internal.web.servlet.ServletConsentRequest;
import dev.cxp.internal.web.servlet.VisitorIdentityInterceptor;

/**
 * The request path of a Spring MVC application: the {@link ConsentResolver} (the application's, or the default
 * resolution over the servlet request), the policy over it, and the interceptor that runs the path before each
 * controller method. Imported by {@link CxpAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
final class CxpServletConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConsentResolver consentResolver(ConsentChain chain) {
		return new DefaultConsentResolver(chain);
	}

	@Bean
	ConsentResolution cxpConsentResolution(ConsentResolver resolver, ConsentChain chain) {
		return ConsentResolution.of(resolver, chain, resolver instanceof DefaultConsentResolver);
	}

	@Bean
	ConsentPolicy cxpConsentPolicy(ConsentResolver resolver, ConsentPurposes purposes, ConsentRegions regions) {
		return new ConsentPolicy((request) -> resolver.resolve(ServletConsentRequest.servletRequestOf(request)),
				purposes, regions);
	}

	@Bean
	VisitorRequestPath cxpVisitorRequestPath(ConsentPolicy consentPolicy, CxpCookies cookies,
			VisitorIdentity identity, SessionTracker sessionTracker, CxpActivity activity) {
		return new VisitorRequestPath(consentPolicy, cookies, identity, sessionTracker, activity);
	}

	@Bean
	RequestClassifier cxpRequestClassifier(CxpProperties properties, Environment environment) {
		return new RequestClassifier(CxpAutoConfiguration.ignoredPaths(properties, environment),
				properties.tracking().excludePatterns());
	}

	@Bean
	VisitorIdentityInterceptor visitorIdentityInterceptor(RequestClassifier classifier,
			VisitorRequestPath requestPath, ObjectProvider<GoogleConsentModes> consentModes) {
		return new VisitorIdentityInterceptor(classifier, requestPath, consentModes.getIfAvailable());
	}

	@Bean
	WebMvcConfigurer cxpVisitorIdentityWebMvcConfigurer(VisitorIdentityInterceptor interceptor) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}

		};
	}

}
