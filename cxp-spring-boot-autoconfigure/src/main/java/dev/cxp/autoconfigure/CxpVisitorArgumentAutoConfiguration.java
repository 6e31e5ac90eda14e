package dev.cxp.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.cxp.internal.web.servlet.CxpVisitorArgumentResolver;
import dev.cxp.visitor.CxpVisitor;

/**
 * Auto-configuration of {@code CxpVisitor} controller arguments. Applies even with {@code cxp.enabled=false},
 * so that switching the starter off never breaks a controller that takes the current visitor.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
public final class CxpVisitorArgumentAutoConfiguration {

	@Bean
	WebMvcConfigurer cxpVisitorArgumentWebMvcConfigurer() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CxpVisitorArgumentResolver());
			}

		};
	}

}
