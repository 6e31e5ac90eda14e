package dev.cxp.reactive;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S16.1 on WebFlux, over a real Netty server: a site's own {@link ConsentSource} joins the chain that WebFlux
 * resolves consent with, keeps Global Privacy Control for what it leaves open, and {@code /actuator/cxp} shows it
 * among the sources.
 */
@SpringBootTest(classes = ReactiveTestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cxp.consent.required=true",
				"cxp.consent.purposes=analytics,ads", "management.endpoints.web.exposure.include=cxp" })
@Import(ReactiveConsentSourceServerTests.IntranetConsent.class)
class ReactiveConsentSourceServerTests {

	@LocalServerPort
	int port;

	@Test
	void theSitesSourceGrantsAndThePageTracks() {
		EntityExchangeResult<String> page = client().get().uri("/").header("Accept", "text/html")
			.cookie("intranet_cmp", "all").exchange().expectStatus().isOk().expectBody(String.class).returnResult();
		assertThat(page.getResponseHeaders().getFirst("Set-Cookie")).matches("_mspi=[0-9a-f]{32}; .*");
		client().get().uri("/cxp/consent").cookie("intranet_cmp", "all").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.state").isEqualTo("GRANTED").jsonPath("$.source").isEqualTo("intranet-cmp")
			.jsonPath("$.effective").isEqualTo(true);
	}

	@Test
	void whatTheSourceLeavesOpenIsStillDeniedByGlobalPrivacyControl() {
		client().get().uri("/cxp/consent").cookie("intranet_cmp", "analytics").header("Sec-GPC", "1").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.source").isEqualTo("intranet-cmp")
			.jsonPath("$.purposes.analytics").isEqualTo("GRANTED").jsonPath("$.purposes.ads").isEqualTo("DENIED");
	}

	@Test
	void theActuatorEndpointShowsTheChainAndItsSources() {
		client().get().uri("/actuator/cxp").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.configuration.consent.resolver").isEqualTo(ConsentChain.class.getName())
			.jsonPath("$.configuration.consent.sources").isEqualTo(java.util.List.of("header", "cookie", "intranet-cmp"));
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class IntranetConsent {

		@Bean
		ConsentSource intranetConsent() {
			return new ConsentSource() {

				@Override
				public String name() {
					return "intranet-cmp";
				}

				@Override
				public Map<String, ConsentState> states(ConsentRequest request) {
					if (request.cookies("intranet_cmp").contains("all")) {
						return Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.GRANTED);
					}
					if (request.cookies("intranet_cmp").contains("analytics")) {
						return Map.of("analytics", ConsentState.GRANTED);
					}
					return Map.of();
				}

			};
		}

	}

}
