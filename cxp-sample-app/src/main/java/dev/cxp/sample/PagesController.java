package dev.cxp.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.cxp.consent.ConsentPurposes;
import dev.cxp.visitor.CxpVisitor;
import dev.cxp.visitor.CxpVisitorView;

/**
 * The site's HTML pages. Each is a page view for the starter; the page shows what the starter knows,
 * including, per purpose, whether the visitor's consent allows it (how application code gates its features).
 */
@Controller
class PagesController {

	private final ConsentPurposes purposes;

	PagesController(ConsentPurposes purposes) {
		this.purposes = purposes;
	}

	@GetMapping("/")
	String home(CxpVisitor visitor, Model model) {
		describe(visitor, model);
		return "home";
	}

	@GetMapping("/about")
	String about(CxpVisitor visitor, Model model) {
		describe(visitor, model);
		return "about";
	}

	private void describe(CxpVisitor visitor, Model model) {
		model.addAttribute("visitor", CxpVisitorView.of(visitor));
		Map<String, String> purposes = new LinkedHashMap<>();
		for (String purpose : this.purposes.names()) {
			purposes.put(purpose, visitor.consent().state(purpose) + (visitor.consentEffective(purpose) ? ", allowed"
					: ", not allowed"));
		}
		model.addAttribute("purposes", purposes);
	}

}
