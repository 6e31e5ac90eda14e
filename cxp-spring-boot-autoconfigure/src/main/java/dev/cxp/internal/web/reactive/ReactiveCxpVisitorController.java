package dev.cxp.internal.web.reactive;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.cxp.visitor.CxpVisitorView;

/**
 * The current visitor as JSON, {@code GET {cxp.web.base-path}/visitor}, in a WebFlux application: the same
 * answer as on Spring MVC. The request is not a page view, but it keeps the visitor id in step with consent.
 * Answers are never cached.
 */
@RestController
@RequestMapping("${cxp.web.base-path:/cxp}")
public class ReactiveCxpVisitorController {

	private final ReactiveVisitorRequestPath requestPath;

	/**
	 * Create the endpoint.
	 * @param requestPath the starter's request path, which the filter does not run under the base path
	 */
	public ReactiveCxpVisitorController(ReactiveVisitorRequestPath requestPath) {
		this.requestPath = requestPath;
	}

	/**
	 * The current visitor.
	 * @param exchange the exchange, whose response may receive the visitor id cookie or its deletions
	 * @return the visitor
	 */
	@GetMapping("/visitor")
	public Mono<ResponseEntity<CxpVisitorView>> visitor(ServerWebExchange exchange) {
		return this.requestPath.process(new ReactiveExchange(exchange), null)
			.map((visitor) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(CxpVisitorView.of(visitor)));
	}

}
