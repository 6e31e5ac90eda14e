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
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.GoogleConsentModes;
import dev.cxp.internal.ledger.ConsentLedgerGuard;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.ConsentRecorder;
import dev.cxp.internal.web.CxpScript;
import dev.cxp.internal.web.servlet.ConsentController;
import dev.cxp.internal.web.servlet.ConsentReceiptController;
import dev.cxp.internal.web.servlet.CxpScriptController;
import dev.cxp.internal.web.servlet.CxpVisitorController;

/**
 * Auto-configuration of the starter's HTTP endpoints under {@code cxp.web.base-path}: the current visitor
 * and the browser script always, the consent endpoint unless {@code cxp.web.consent-endpoint.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CxpAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, JsonMapper.class })
@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
@ConditionalOnBean(VisitorRequestPath.class)
public final class CxpWebAutoConfiguration {

	@Bean
	CxpVisitorController cxpVisitorController(VisitorRequestPath requestPath) {
		return new CxpVisitorController(requestPath);
	}

	@Bean
	CxpScriptController cxpScriptController() {
		return new CxpScriptController(CxpScript.load());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "cxp.web.consent-endpoint.enabled", matchIfMissing = true)
	ConsentRecorder cxpConsentRecorder(ConsentPolicy policy, CxpCookies cookies, VisitorIdentity identity,
			ApplicationEventPublisher events, CxpActivity activity, ObjectProvider<Clock> clock, ConsentCookieFormat format,
			CxpProperties properties, ObjectProvider<ConsentLedgerWriter> ledger) {
		return new ConsentRecorder(policy, cookies, format, properties.consent().deniedMaxAge(), identity, events,
				activity, CxpAutoConfiguration.clock(clock), ledger.getIfAvailable());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "cxp.web.consent-endpoint.enabled", matchIfMissing = true)
	ConsentReceiptController cxpConsentReceiptController(CxpCookies cookies, ConsentCookieFormat format,
			ObjectProvider<ConsentLedger> ledger, ObjectProvider<ConsentLedgerGuard> guard) {
		// Without a ledger the endpoint still answers, saying why there are no receipts
		ConsentLedger available = ledger.getIfAvailable();
		ConsentLedgerGuard ledgerGuard = guard.getIfAvailable();
		return new ConsentReceiptController(cookies, format,
				(available != null && ledgerGuard != null) ? ledgerGuard.guard(available) : null);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "cxp.web.consent-endpoint.enabled", matchIfMissing = true)
	ConsentController cxpConsentController(ConsentPolicy policy, ConsentRecorder recorder,
			ObjectProvider<GoogleConsentModes> consentModes) {
		return new ConsentController(policy, recorder, consentModes.getIfAvailable());
	}

}
