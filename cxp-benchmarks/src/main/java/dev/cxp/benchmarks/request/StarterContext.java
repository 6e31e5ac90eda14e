package dev.cxp.benchmarks.request;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.method.HandlerMethod;

import dev.cxp.autoconfigure.CxpAutoConfiguration;
import dev.cxp.autoconfigure.CxpConsentStringsAutoConfiguration;
import dev.cxp.autoconfigure.CxpEndpointAutoConfiguration;
import dev.cxp.autoconfigure.CxpMetricsAutoConfiguration;
import dev.cxp.internal.web.servlet.VisitorIdentityInterceptor;
import dev.cxp.visitor.CxpVisitor;

/**
 * The starter wired by its own auto-configurations in a servlet web application context, as in an
 * application with Actuator and a meter registry (the activity counts that meters and endpoint read are on
 * the path), plus a controller method to hand to the interceptor.
 */
public final class StarterContext implements AutoCloseable {

	private final AnnotationConfigWebApplicationContext context;

	private final HandlerMethod handler;

	private StarterContext(AnnotationConfigWebApplicationContext context, HandlerMethod handler) {
		this.context = context;
		this.handler = handler;
	}

	/**
	 * Start a context.
	 * @param properties {@code name=value} pairs added to the environment, such as
	 * {@code cxp.consent.required=true}
	 * @return the started context
	 */
	public static StarterContext start(String... properties) {
		Map<String, Object> values = new HashMap<>();
		values.put("management.endpoints.web.exposure.include", "cxp");
		for (String property : properties) {
			int equals = property.indexOf('=');
			values.put(property.substring(0, equals), property.substring(equals + 1));
		}
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.setServletContext(new MockServletContext());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", values));
		context.register(Wiring.class);
		context.refresh();
		try {
			Method page = Pages.class.getMethod("about", CxpVisitor.class);
			return new StarterContext(context, new HandlerMethod(new Pages(), page));
		}
		catch (NoSuchMethodException ex) {
			context.close();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The interceptor that runs the starter's request path.
	 * @return the interceptor bean
	 */
	public VisitorIdentityInterceptor interceptor() {
		return this.context.getBean(VisitorIdentityInterceptor.class);
	}

	/**
	 * A controller method, the handler of a page view.
	 * @return the handler
	 */
	public HandlerMethod handler() {
		return this.handler;
	}

	/**
	 * A bean of the context.
	 * @param <T> its type
	 * @param type its type
	 * @return the bean
	 */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * What an application with Actuator and Micrometer gets: the starter's auto-configurations and a
	 * meter registry.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CxpAutoConfiguration.class, CxpConsentStringsAutoConfiguration.class,
			CxpMetricsAutoConfiguration.class, CxpEndpointAutoConfiguration.class })
	static class Wiring {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	/**
	 * A controller like the sample app's.
	 */
	public static class Pages {

		/**
		 * A page.
		 * @param visitor the current visitor
		 * @return the view name
		 */
		public String about(CxpVisitor visitor) {
			return "about";
		}

	}

}
