package dev.cxp.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.activity.CxpActivity;
import dev.cxp.consent.ConsentPolicy;
import dev.cxp.visitor.CxpCookies;
import dev.cxp.visitor.VisitorIdentity;
import dev.cxp.visitor.VisitorRequestPath;
import dev.cxp.web.ConsentController;
import dev.cxp.web.ConsentRecorder;
import dev.cxp.web.CxpScript;
import dev.cxp.web.CxpScriptController;
import dev.cxp.web.CxpVisitorController;

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
	@ConditionalOnMissingBean
	CxpVisitorController cxpVisitorController(VisitorRequestPath requestPath) {
		return new CxpVisitorController(requestPath);
	}

	@Bean
	@ConditionalOnMissingBean
	CxpScriptController cxpScriptController() {
		return new CxpScriptController(CxpScript.load());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "cxp.web.consent-endpoint.enabled", matchIfMissing = true)
	ConsentRecorder cxpConsentRecorder(ConsentPolicy policy, CxpCookies cookies, VisitorIdentity identity,
			ApplicationEventPublisher events, CxpActivity activity, Clock clock) {
		return new ConsentRecorder(policy, cookies, identity, events, activity, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "cxp.web.consent-endpoint.enabled", matchIfMissing = true)
	ConsentController cxpConsentController(ConsentPolicy policy, ConsentRecorder recorder) {
		return new ConsentController(policy, recorder);
	}

}
