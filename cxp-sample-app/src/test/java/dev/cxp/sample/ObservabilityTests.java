package dev.cxp.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's Actuator endpoint and Prometheus meters over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cxp.visitor.domain=localhost.test")
@ActiveProfiles("test")
class ObservabilityTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void cxpEndpointShowsConfigurationAndLiveFigures() throws Exception {
		JsonNode before = new JsonMapper().readTree(get("/actuator/cxp").body());
		get("/", "Accept", "text/html");
		get("/", "Accept", "text/html", "Sec-GPC", "1", "Cookie", "_mspi=abc");
		get("/about", "Accept", "text/html", "Cookie", "cxp_consent=granted; _mspi=returning-visitor");
		HttpResponse<String> response = get("/actuator/cxp");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type").orElseThrow()).contains("json");
		JsonNode cxp = new JsonMapper().readTree(response.body());
		assertThat(cxp.at("/configuration/consentRequired").asBoolean()).isFalse();
		assertThat(cxp.at("/configuration/honorGlobalPrivacyControl").asBoolean()).isTrue();
		assertThat(cxp.at("/configuration/visitorCookie/name").asString()).isEqualTo("_mspi");
		assertThat(cxp.at("/configuration/visitorCookie/domain").asString()).isEqualTo("localhost.test");
		assertThat(cxp.at("/configuration/visitorCookie/sameSite").asString()).isEqualTo("Lax");
		assertThat(cxp.at("/configuration/consentCookie/name").asString()).isEqualTo("cxp_consent");
		assertThat(cxp.at("/configuration/sessionTimeout").asString()).isEqualTo("PT30M");
		assertThat(cxp.at("/store").asString()).isEqualTo("memory");
		assertThat(cxp.at("/figures/visitorsCreated").asLong() - before.at("/figures/visitorsCreated").asLong())
			.isEqualTo(1);
		assertThat(cxp.at("/figures/visitorsErased").asLong() - before.at("/figures/visitorsErased").asLong())
			.isEqualTo(1);
		assertThat(cxp.at("/figures/decisions/DENIED").asLong() - before.at("/figures/decisions/DENIED").asLong())
			.isEqualTo(1);
		assertThat(cxp.at("/figures/decisions/GRANTED").asLong() - before.at("/figures/decisions/GRANTED").asLong())
			.isEqualTo(1);
		assertThat(cxp.at("/figures/activeSessions").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(response.body()).doesNotContain("returning-visitor");
	}

	@Test
	void prometheusScrapeHasTheStarterMeters() throws Exception {
		get("/", "Accept", "text/html");
		get("/", "Accept", "text/html", "Cookie", "_mspi=x; cxp_consent=denied");
		HttpResponse<String> response = get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("cxp_consent_decisions_total{effective=\"true\",source=\"none\",state=\"unspecified\"}")
			// Prometheus reserves the "_created" suffix: cxp.visitors.created is exported as cxp_visitors_total
			.containsPattern("(?m)^cxp_visitors_total [1-9]")
			.containsPattern("(?m)^cxp_visitors_erased_total [1-9]")
			.contains("cxp_sessions_active")
			.contains("cxp_page_views_total")
			.contains("cxp_consent_changes_total{state=\"denied\"}");
	}

	@Test
	void metricsEndpointListsTheStarterMeters() throws Exception {
		HttpResponse<String> response = get("/actuator/metrics/cxp.consent.decisions");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"state\"").contains("\"source\"").contains("\"effective\"");
	}

}
