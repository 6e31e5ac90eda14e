package dev.cxp.sample;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.cxp.autoconfigure.CxpProperties;
import dev.cxp.visitor.CxpVisitor;

/**
 * The site's HTML pages, the Spring MVC sample's templates rendered by WebFlux. Each is a page view for the
 * starter and shows what the starter knows of the visitor, ids included, so no cache may keep it.
 */
@Controller
class PagesController {

	private final List<String> purposes;

	PagesController(CxpProperties properties) {
		this.purposes = properties.consent().purposes();
	}

	@GetMapping("/")
	String home(CxpVisitor visitor, Model model, ServerHttpResponse response) {
		describe(visitor, model, response);
		return "home";
	}

	@GetMapping("/about")
	String about(CxpVisitor visitor, Model model, ServerHttpResponse response) {
		describe(visitor, model, response);
		return "about";
	}

	private void describe(CxpVisitor visitor, Model model, ServerHttpResponse response) {
		response.getHeaders().setCacheControl(CacheControl.noStore());
		model.addAttribute("visitor", SiteVisitor.of(visitor, this.purposes));
	}

}
