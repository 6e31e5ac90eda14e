package dev.cxp.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A service behind the gateway of the {@code gateway} profile, which routes {@code /gateway/service} here: it
 * answers what the gateway told it of the visitor, as a service in any language reads it from two request headers.
 * It is a functional endpoint, which the starter leaves alone, so that it stands for a service that does not run the
 * starter and takes the gateway's word instead. Only the gateway's routed requests carry the headers: the gateway
 * removes any copy a client sends.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

	@Bean
	RouterFunction<ServerResponse> service() {
		return RouterFunctions.route().GET("/service", (request) -> {
			HttpHeaders headers = request.headers().asHttpHeaders();
			Map<String, String> heard = new LinkedHashMap<>();
			heard.put("X-CXP-Visitor-Id", headers.getFirst("X-CXP-Visitor-Id"));
			heard.put("X-CXP-Consent", headers.getFirst("X-CXP-Consent"));
			return ServerResponse.ok().cacheControl(CacheControl.noStore()).bodyValue(heard);
		}).build();
	}

}
