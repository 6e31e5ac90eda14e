package dev.cxp.benchmarks.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.cxp.visitor.CxpVisitor;

/**
 * Two pages of about 1 KB rendered by Thymeleaf, with the same work whatever the starter knows about the
 * visitor: the sample app's own pages show the visitor's id and session, which costs more to render when
 * there is something to show, and that would be counted as the starter's cost. The load benchmark adds
 * this controller to the sample app in every variant through {@code spring.main.sources}.
 */
@Controller
public class BenchmarkPagesController {

	@GetMapping("/benchmark/home")
	String home(CxpVisitor visitor, Model model) {
		model.addAttribute("title", "Home");
		return "benchmark/page";
	}

	@GetMapping("/benchmark/about")
	String about(CxpVisitor visitor, Model model) {
		model.addAttribute("title", "About");
		return "benchmark/page";
	}

}
