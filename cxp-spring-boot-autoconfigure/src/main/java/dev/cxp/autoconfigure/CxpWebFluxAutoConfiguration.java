package dev.cxp.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.GoogleConsentModes;
import dev.cxp.internal.ledger.ConsentLedgerGuard;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.session.reactive.ReactiveSessionTracker;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.web.ConsentRecorder;
import dev.cxp.internal.web.CxpScript;
import dev.cxp.internal.web.reactive.ReactiveConsentController;
import dev.cxp.internal.web.reactive.ReactiveConsentPolicy;
import dev.cxp.internal.web.reactive.ReactiveConsentReceiptController;
import dev.cxp.internal.web.reactive.ReactiveConsentRecorder;
import dev.cxp.internal.web.reactive.ReactiveCxpScriptController;
import dev.cxp.internal.web.reactive.ReactiveCxpVisitorArgumentResolver;
import dev.cxp.internal.web.reactive.ReactiveCxpVisitorController;
import dev.cxp.internal.web.reactive.ReactiveVisitorRequestPath;

/**
 * Auto-configuration of the starter in a WebFlux application: {@code CxpVisitor} controller arguments, which
 * apply even with {@code cxp.enabled=false} so that switching the starter off never breaks a controller, and the
 * starter's HTTP endpoints under {@code cxp.web.base-path}, with the wire formats of Spring MVC: the current
 * visitor and the browser script always, the consent and receipt endpoints unless
 * {@code cxp.web.consent-endpoint.enabled=false}.
 *
 * @since 0.3.0
 */
@AutoConfiguration(after = { CxpAutoConfiguration.class, CxpConsentLedgerAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(WebFluxConfigurer.class)
public final class CxpWebFluxAutoConfiguration {

	@Bean
	WebFluxConfigurer cxpVisitorArgumentWebFluxConfigurer() {
		return new WebFluxConfigurer() {

			@Override
			public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
				configurer.addCustomResolver(new ReactiveCxpVisitorArgumentResolver());
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
	@ConditionalOnBean(ReactiveVisitorRequestPath.class)
	static class EndpointsConfiguration {

		@Bean
		ReactiveCxpVisitorController cxpVisitorController(ReactiveVisitorRequestPath requestPath) {
			return new ReactiveCxpVisitorController(requestPath);
		}

		@Bean
		ReactiveCxpScriptController cxpScriptController() {
			return new ReactiveCxpScriptController(CxpScript.load());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
	@ConditionalOnBooleanProperty(name = "cxp.web.consent-endpoint.enabled", matchIfMissing = true)
	@ConditionalOnBean(ReactiveVisitorRequestPath.class)
	static class ConsentEndpointConfiguration {

		@Bean
		ConsentRecorder cxpConsentRecorder(ConsentPolicy policy, CxpCookies cookies, VisitorIdentity identity,
				ApplicationEventPublisher events, CxpActivity activity, ObjectProvider<Clock> clock,
				ConsentCookieFormat format, CxpProperties properties, ObjectProvider<ConsentLedgerWriter> ledger) {
			return new ConsentRecorder(policy, cookies, format, properties.consent().deniedMaxAge(), identity, events,
					activity, CxpAutoConfiguration.clock(clock), ledger.getIfAvailable());
		}

		@Bean
		ReactiveConsentRecorder cxpReactiveConsentRecorder(ReactiveConsentPolicy policy, ConsentRecorder recorder,
				CxpCookies cookies, VisitorIdentity identity, ReactiveSessionTracker sessionTracker) {
			return new ReactiveConsentRecorder(policy, recorder, cookies, identity, sessionTracker);
		}

		@Bean
		ReactiveConsentController cxpConsentController(ReactiveConsentPolicy policy,
				ReactiveConsentRecorder recorder, ObjectProvider<GoogleConsentModes> consentModes) {
			return new ReactiveConsentController(policy, recorder, consentModes.getIfAvailable());
		}

		@Bean
		ReactiveConsentReceiptController cxpConsentReceiptController(CxpCookies cookies, ConsentCookieFormat format,
				ObjectProvider<ConsentLedger> ledger, ObjectProvider<ConsentLedgerGuard> guard) {
			// Without a ledger the endpoint still answers, saying why there are no receipts
			ConsentLedger available = ledger.getIfAvailable();
			ConsentLedgerGuard ledgerGuard = guard.getIfAvailable();
			return new ReactiveConsentReceiptController(cookies, format,
					(available != null && ledgerGuard != null) ? ledgerGuard.guard(available) : null);
		}

	}

}
