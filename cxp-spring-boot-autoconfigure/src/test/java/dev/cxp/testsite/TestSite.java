package dev.cxp.testsite;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.visitor.CxpVisitor;
import dev.cxp.visitor.CxpVisitorView;

/**
 * A minimal site for tests that run the starter over real HTTP or MockMvc, as an application would use it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestSite.Pages.class)
public class TestSite {

	@RestController
	public static class Pages {

		@GetMapping(path = { "/", "/about", "/private/page" }, produces = MediaType.TEXT_HTML_VALUE)
		String page(CxpVisitor visitor) {
			return "<html><body>visitor " + visitor.visitorId() + "</body></html>";
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
