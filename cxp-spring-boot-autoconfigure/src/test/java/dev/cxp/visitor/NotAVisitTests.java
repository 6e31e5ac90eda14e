package dev.cxp.visitor;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

/**
 * Requests that are not visits (SPEC S2): a CORS preflight, and a handler that is not a controller method,
 * neither issue a visitor id nor count as a consent decision.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(NotAVisitTests.Handlers.class)
class NotAVisitTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	@Test
	void corsPreflightOverARealServer() {
		double before = decisions();
		HttpResponse<String> response = new RawHttp(this.port).send(
				HttpRequest.newBuilder(new RawHttp(this.port).uri("/cors/page"))
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
				"Origin", "https://app.example.test", "Access-Control-Request-Method", "GET", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
		assertThat(setCookies(response)).isEmpty();
		assertThat(decisions()).isEqualTo(before);
	}

	@Test
	void corsPreflightWithMockMvc() throws Exception {
		double before = decisions();
		MockHttpServletResponse response = this.mvc
			.perform(options("/cors/page").header("Origin", "https://app.example.test")
				.header("Access-Control-Request-Method", "GET"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(decisions()).isEqualTo(before);
	}

	@Test
	void theControllerMethodBehindThePreflightIsAVisit() throws Exception {
		double before = decisions();
		MockHttpServletResponse response = this.mvc
			.perform(get("/cors/page").header("Origin", "https://app.example.test"))
			.andReturn()
			.getResponse();
		assertThat(response.getHeaders("Set-Cookie")).singleElement().asString().startsWith("_mspi=");
		assertThat(decisions()).isEqualTo(before + 1);
	}

	@Test
	void functionalEndpointOverARealServer() {
		double before = decisions();
		HttpResponse<String> response = new RawHttp(this.port).get("/functional", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("functional");
		assertThat(setCookies(response)).isEmpty();
		assertThat(decisions()).isEqualTo(before);
	}

	@Test
	void functionalEndpointWithMockMvc() throws Exception {
		double before = decisions();
		MockHttpServletResponse response = this.mvc
			.perform(get("/functional").accept("text/html"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(decisions()).isEqualTo(before);
	}

	private double decisions() {
		return Search.in(this.registry).name("cxp.consent.decisions").functionCounters().stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Handlers {

		@Bean
		CorsPage corsPage() {
			return new CorsPage();
		}

		@Bean
		RouterFunction<ServerResponse> functional() {
			return RouterFunctions.route().GET("/functional", (request) -> ServerResponse.ok().body("functional")).build();
		}

	}

	@RestController
	@CrossOrigin("https://app.example.test")
	static class CorsPage {

		@GetMapping("/cors/page")
		String page() {
			return "cors";
		}

	}

}
