package dev.cxp.sample;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sends a strict Content-Security-Policy with every response: scripts, styles and everything else only from the
 * site itself, no inline script or style, no plugins, no framing. The starter's script and the consent banner are
 * written to work under it, and so should a site's own scripts.
 */
@Component
class ContentSecurityPolicyFilter implements WebFilter {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().getHeaders().set("Content-Security-Policy", POLICY);
		return chain.filter(exchange);
	}

}
