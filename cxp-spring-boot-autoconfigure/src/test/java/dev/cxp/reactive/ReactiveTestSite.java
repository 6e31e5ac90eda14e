package dev.cxp.reactive;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.cxp.visitor.CxpVisitor;
import dev.cxp.visitor.CxpVisitorView;

/**
 * A minimal WebFlux site for tests that run the starter over a real Netty server, as a reactive application
 * would use it: the pages of the servlet test site, as annotated WebFlux controllers.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ReactiveTestSite.Pages.class)
public class ReactiveTestSite {

	@RestController
	public static class Pages {

		@GetMapping(path = { "/", "/about", "/private/page" }, produces = MediaType.TEXT_HTML_VALUE)
		Mono<String> page(CxpVisitor visitor) {
			return Mono.just("<html><body>visitor " + visitor.visitorId() + "</body></html>");
		}

		@GetMapping(path = "/consent-mode", produces = MediaType.TEXT_HTML_VALUE)
		String consentMode(ServerWebExchange exchange) {
			return String.valueOf((Object) exchange.getAttribute(CxpVisitor.GOOGLE_CONSENT_MODE_ATTRIBUTE));
		}

		@GetMapping("/api/visitor")
		CxpVisitorView visitor(CxpVisitor visitor) {
			return CxpVisitorView.of(visitor);
		}

		@PostMapping("/api/form")
		String form(CxpVisitor visitor) {
			return String.valueOf(visitor.visitorId());
		}

	}

}
