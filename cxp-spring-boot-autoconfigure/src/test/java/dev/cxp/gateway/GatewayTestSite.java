package dev.cxp.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

import dev.cxp.session.PageViewEvent;

/**
 * A Spring Cloud Gateway with the starter, as a site would run one: every path it does not serve itself is routed
 * to the service at {@code downstream.uri}. Records the page views the starter publishes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class GatewayTestSite {

	final List<PageViewEvent> pageViews = new CopyOnWriteArrayList<>();

	@Bean
	RouteLocator routes(RouteLocatorBuilder builder, Environment environment) {
		String downstream = environment.getRequiredProperty("downstream.uri");
		return builder.routes().route("site", (route) -> route.path("/**").uri(downstream)).build();
	}

	@EventListener
	void pageViewed(PageViewEvent event) {
		this.pageViews.add(event);
	}

}
