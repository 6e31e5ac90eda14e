package dev.cxp.sample;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.cxp.visitor.CxpVisitor;
import dev.cxp.visitor.CxpVisitorView;

/**
 * The site's HTML pages. Each is a page view for the starter; the page shows what the starter knows.
 */
@Controller
class PagesController {

	@GetMapping("/")
	String home(CxpVisitor visitor, Model model) {
		model.addAttribute("visitor", CxpVisitorView.of(visitor));
		return "home";
	}

	@GetMapping("/about")
	String about(CxpVisitor visitor, Model model) {
		model.addAttribute("visitor", CxpVisitorView.of(visitor));
		return "about";
	}

}
