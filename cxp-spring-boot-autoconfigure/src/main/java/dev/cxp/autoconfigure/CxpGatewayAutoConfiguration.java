package dev.cxp.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;

import dev.cxp.internal.gateway.CxpGatewayFilter;
import dev.cxp.internal.web.reactive.ReactiveRequestClassifier;
import dev.cxp.internal.web.reactive.ReactiveVisitorRequestPath;

/**
 * Auto-configuration of the starter on a Spring Cloud Gateway: routed requests get the visitor id and sessions
 * under the same consent rules as the gateway's own pages, and with {@code cxp.gateway.forward-headers=true} the
 * routed request carries the visitor id and the consent decided. The client's copies of those headers are removed
 * before routing whenever the starter is on the gateway's class path, even with {@code cxp.enabled=false}, so that
 * switching the starter off never lets a client speak for the gateway.
 *
 * @since 0.3.0
 */
@AutoConfiguration(after = CxpAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(GlobalFilter.class)
@EnableConfigurationProperties(CxpProperties.class)
public final class CxpGatewayAutoConfiguration {

	@Bean
	CxpGatewayFilter cxpGatewayFilter(CxpProperties properties,
			ObjectProvider<ReactiveVisitorRequestPath> requestPath, ObjectProvider<ReactiveRequestClassifier> classifier) {
		return new CxpGatewayFilter(requestPath.getIfAvailable(), classifier.getIfAvailable(),
				properties.consent().purposes(), properties.gateway().forwardHeaders());
	}

}
