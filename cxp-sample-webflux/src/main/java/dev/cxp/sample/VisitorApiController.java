package dev.cxp.sample;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.autoconfigure.CxpProperties;
import dev.cxp.visitor.CxpVisitor;

/**
 * The current visitor as JSON, for scripts on the site's pages (the same class as in the Spring MVC sample, which
 * runs unchanged on WebFlux): what the pages show, so that the consent
 * banner can bring a page in step with a choice without reloading it. It carries ids, so no cache may
 * keep it.
 */
@RestController
class VisitorApiController {

	private final List<String> purposes;

	VisitorApiController(CxpProperties properties) {
		this.purposes = properties.consent().purposes();
	}

	@GetMapping("/api/visitor")
	ResponseEntity<SiteVisitor> visitor(CxpVisitor visitor) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(SiteVisitor.of(visitor, this.purposes));
	}

}
