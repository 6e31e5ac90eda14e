package dev.cxp.reactive;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ReactiveConsentResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S13.2 over a real Netty server: an application's {@link ReactiveConsentResolver} replaces the default
 * resolution, and the policy applies to whatever it answers: Global Privacy Control, the required policy, and
 * failing closed on an error or an empty answer.
 */
@SpringBootTest(classes = ReactiveTestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cxp.consent.required=true",
				"management.endpoints.web.exposure.include=cxp" })
@Import(ReactiveConsentResolverServerTests.Resolver.class)
class ReactiveConsentResolverServerTests {

	private static final AtomicReference<Mono<ConsentDecision>> answer = new AtomicReference<>();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@AfterEach
	void reset() {
		answer.set(null);
	}

	@Test
	void resolversGrantTracksTheVisitorAndOutranksTheConsentHeader() {
		answer.set(Mono.just(ConsentDecision.granted("intranet")));
		JsonNode visitor = visitor("X-CXP-Consent", "denied");
		assertThat(visitor.get("consent").get("source").stringValue()).isEqualTo("intranet");
		assertThat(visitor.get("visitorId").isNull()).isFalse();
	}

	@Test
	void globalPrivacyControlDeniesWhatTheResolverLeftUnspecified() {
		answer.set(Mono.just(ConsentDecision.unspecified()));
		JsonNode consent = consent("Sec-GPC", "1");
		assertThat(consent.get("state").stringValue()).isEqualTo("DENIED");
		assertThat(consent.get("source").stringValue()).isEqualTo("gpc");
	}

	@Test
	void requiredPolicyAppliesToTheResolversSilence() {
		answer.set(Mono.just(ConsentDecision.unspecified()));
		JsonNode visitor = visitor("Accept", "application/json");
		assertThat(visitor.get("consent").get("effective").booleanValue()).isFalse();
		assertThat(visitor.get("visitorId").isNull()).isTrue();
	}

	@Test
	void resolverErrorFailsClosedWithoutA5xx() {
		answer.set(Mono.error(new IllegalStateException("down")));
		JsonNode consent = consent("Accept", "application/json");
		assertThat(consent.get("state").stringValue()).isEqualTo("DENIED");
		assertThat(consent.get("source").stringValue()).isEqualTo("error");
	}

	@Test
	void emptyAnswerFailsClosed() {
		answer.set(Mono.empty());
		JsonNode visitor = visitor("Accept", "application/json");
		assertThat(visitor.get("consent").get("state").stringValue()).isEqualTo("DENIED");
		assertThat(visitor.get("consent").get("source").stringValue()).isEqualTo("error");
	}

	@Test
	void consentEndpointAsksTheResolverAboutTheRequestWithTheNewCookie() {
		answer.set(Mono.just(ConsentDecision.granted("intranet")));
		JsonNode recorded = json.readTree(client().put().uri("/cxp/consent")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{\"consent\":\"denied\"}")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		assertThat(recorded.get("source").stringValue()).isEqualTo("intranet");
	}

	@Test
	void theActuatorEndpointShowsTheResolverInUseAndNoSources() {
		JsonNode consent = json.readTree(client().get().uri("/actuator/cxp").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).get("configuration").get("consent");
		assertThat(consent.get("resolver").stringValue()).startsWith(Resolver.class.getName());
		assertThat(consent.get("sources").isEmpty()).isTrue();
	}

	private JsonNode visitor(String header, String value) {
		return json.readTree(client().get().uri("/api/visitor").header(header, value).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
	}

	private JsonNode consent(String header, String value) {
		return json.readTree(client().get().uri("/cxp/consent").header(header, value).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Resolver {

		@Bean
		ReactiveConsentResolver intranetResolver() {
			return (exchange) -> answer.get();
		}

	}

}
