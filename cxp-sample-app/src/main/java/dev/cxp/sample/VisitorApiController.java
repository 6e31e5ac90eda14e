package dev.cxp.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.visitor.CxpVisitor;
import dev.cxp.visitor.CxpVisitorView;

/**
 * The current visitor as JSON, for scripts on the site's pages.
 */
@RestController
class VisitorApiController {

	@GetMapping("/api/visitor")
	CxpVisitorView visitor(CxpVisitor visitor) {
		return CxpVisitorView.of(visitor);
	}

}
