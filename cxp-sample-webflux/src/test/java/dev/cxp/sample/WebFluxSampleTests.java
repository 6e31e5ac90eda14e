package dev.cxp.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux sample over a real Netty server: the Spring MVC sample's pages, rendered by WebFlux with the
 * starter's cookie, the Google Consent Mode default on the script's element, the site's policy and no cache.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebFluxSampleTests {

	@LocalServerPort
	int port;

	@Test
	void aPageIsTheSharedTemplateWithTheStartersCookieAndConsentModeDefault() {
		EntityExchangeResult<String> page = client().get().uri("/about").header("Accept", "text/html").exchange()
			.expectStatus().isOk().expectHeader().valueEquals("Cache-Control", "no-store").expectHeader()
			.valueEquals("Content-Security-Policy", ContentSecurityPolicyFilter.POLICY).expectBody(String.class)
			.returnResult();
		String cookie = page.getResponseHeaders().getFirst("Set-Cookie");
		assertThat(cookie).matches("_mspi=[0-9a-f]{32}; .*");
		assertThat(page.getResponseBody()).contains("<script src=\"/cxp/cxp.js\"",
				"data-consent-mode=\"{&quot;analytics_storage&quot;:&quot;granted&quot;", "id=\"cxp-banner\"",
				cookie.substring(6, 38));
	}

	@Test
	void theStaticFilesOfTheServletSampleAreServed() {
		client().get().uri("/consent-banner.js").exchange().expectStatus().isOk();
		client().get().uri("/site.css").exchange().expectStatus().isOk();
		client().get().uri("/cxp/cxp.js").exchange().expectStatus().isOk();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

}
