package dev.cxp.internal.web.servlet;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.ParameterizableViewController;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import dev.cxp.internal.web.servlet.RequestClassifier;
import dev.cxp.internal.web.servlet.RequestClassifier.Classification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestClassifier}.
 */
class RequestClassifierTests {

	private final RequestClassifier classifier = new RequestClassifier(List.of("/cxp/**", "/actuator/**", "/error"),
			List.of("/internal/**", "/**/*.json"));

	private final HandlerMethod controllerMethod = handlerMethod();

	private static HandlerMethod handlerMethod() {
		try {
			return new HandlerMethod(new Object(), Object.class.getMethod("toString"));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MockHttpServletRequest get(String path, String... headers) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		for (int i = 0; i < headers.length; i += 2) {
			request.addHeader(headers[i], headers[i + 1]);
		}
		return request;
	}

	@Test
	void documentNavigationIsAPageView() {
		assertThat(this.classifier.classify(get("/", "Sec-Fetch-Dest", "document"), this.controllerMethod))
			.isEqualTo(Classification.PAGE_VIEW);
	}

	@Test
	void htmlAcceptWithoutFetchMetadataIsAPageView() {
		assertThat(this.classifier.classify(get("/about", "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
				this.controllerMethod))
			.isEqualTo(Classification.PAGE_VIEW);
		assertThat(this.classifier.classify(get("/about", "Accept", "TEXT/HTML"), this.controllerMethod))
			.isEqualTo(Classification.PAGE_VIEW);
	}

	@Test
	void fetchCallIsNotAPageView() {
		assertThat(this.classifier.classify(get("/api/visitor", "Sec-Fetch-Dest", "empty", "Accept", "text/html"),
				this.controllerMethod))
			.isEqualTo(Classification.VISITOR);
	}

	@Test
	void xhrWithJsonAcceptIsNotAPageView() {
		assertThat(this.classifier.classify(get("/api/visitor", "Accept", "application/json"), this.controllerMethod))
			.isEqualTo(Classification.VISITOR);
		assertThat(this.classifier.classify(get("/api/visitor"), this.controllerMethod))
			.isEqualTo(Classification.VISITOR);
	}

	@Test
	void iframeIsNotAPageView() {
		assertThat(this.classifier.classify(get("/", "Sec-Fetch-Dest", "iframe"), this.controllerMethod))
			.isEqualTo(Classification.VISITOR);
	}

	@Test
	void postIsNotAPageView() {
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/form");
		post.addHeader("Sec-Fetch-Dest", "document");
		assertThat(this.classifier.classify(post, this.controllerMethod)).isEqualTo(Classification.VISITOR);
	}

	@Test
	void staticResourceIsLeftAlone() {
		assertThat(this.classifier.classify(get("/site.css", "Accept", "text/html"), new ResourceHttpRequestHandler()))
			.isEqualTo(Classification.IGNORED);
	}

	@Test
	void viewControllerIsLeftAlone() {
		assertThat(this.classifier.classify(get("/", "Accept", "text/html"), new ParameterizableViewController()))
			.isEqualTo(Classification.IGNORED);
	}

	@Test
	void optionsRequestIsLeftAlone() {
		MockHttpServletRequest preflight = get("/", "Origin", "https://other.example",
				"Access-Control-Request-Method", "GET");
		preflight.setMethod("OPTIONS");
		assertThat(this.classifier.classify(preflight, this.controllerMethod)).isEqualTo(Classification.IGNORED);
	}

	@Test
	void actuatorIsLeftAlone() {
		assertThat(this.classifier.classify(get("/actuator/health", "Accept", "text/html"), this.controllerMethod))
			.isEqualTo(Classification.IGNORED);
	}

	@Test
	void errorPageIsLeftAlone() {
		assertThat(this.classifier.classify(get("/error", "Accept", "text/html"), this.controllerMethod))
			.isEqualTo(Classification.IGNORED);
		MockHttpServletRequest errorDispatch = get("/anything", "Accept", "text/html");
		errorDispatch.setDispatcherType(DispatcherType.ERROR);
		assertThat(this.classifier.classify(errorDispatch, this.controllerMethod)).isEqualTo(Classification.IGNORED);
	}

	@Test
	void starterEndpointsAreLeftAlone() {
		assertThat(this.classifier.classify(get("/cxp/consent", "Accept", "text/html"), this.controllerMethod))
			.isEqualTo(Classification.IGNORED);
	}

	@Test
	void excludedPatternIsNotAPageViewButStillIdentifiesTheVisitor() {
		assertThat(this.classifier.classify(get("/internal/report", "Accept", "text/html"), this.controllerMethod))
			.isEqualTo(Classification.VISITOR);
		assertThat(this.classifier.classify(get("/data/x.json", "Accept", "text/html"), this.controllerMethod))
			.isEqualTo(Classification.VISITOR);
		assertThat(this.classifier.classify(get("/internals", "Accept", "text/html"), this.controllerMethod))
			.isEqualTo(Classification.PAGE_VIEW);
	}

	@Test
	void contextPathIsNotPartOfTheMatch() {
		MockHttpServletRequest request = get("/shop/actuator/health", "Accept", "text/html");
		request.setContextPath("/shop");
		assertThat(this.classifier.classify(request, this.controllerMethod)).isEqualTo(Classification.IGNORED);
	}

}
