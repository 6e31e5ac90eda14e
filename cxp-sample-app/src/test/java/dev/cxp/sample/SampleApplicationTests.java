package dev.cxp.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site over real HTTP, as a browser without scripts would use it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SampleApplicationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void firstVisitGetsExactlyOneVisitorCookie() throws Exception {
		HttpResponse<String> home = get("/", "Accept", "text/html");
		assertThat(home.statusCode()).isEqualTo(200);
		List<String> cookies = home.headers().allValues("set-cookie");
		assertThat(cookies).singleElement()
			.asString()
			.matches("_mspi=[0-9a-f]{32}; Path=/; Max-Age=31536000; Expires=[^;]+; SameSite=Lax");
		assertThat(home.body()).contains("id=\"cxp-panel\"");
	}

	@Test
	void theSitesOwnConsentSourceJoinsTheChainAndTheBannerStillWins() throws Exception {
		String refused = get("/cxp/consent", "Cookie", "newsletter_prefs=no-personalization").body();
		assertThat(refused).contains("\"personalization\":\"DENIED\"", "\"source\":\"newsletter\"",
				"\"analytics\":\"UNSPECIFIED\"");
		String bannerChoice = get("/cxp/consent", "Cookie",
				"newsletter_prefs=no-personalization; cxp_consent=1.1.analytics:g~ads:g~personalization:g")
			.body();
		assertThat(bannerChoice).contains("\"personalization\":\"GRANTED\"", "\"source\":\"cookie\"");
	}

	@Test
	void apiShowsThePreviousPageWithoutTheQueryString() throws Exception {
		HttpResponse<String> home = get("/", "Accept", "text/html");
		String cookie = home.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
		HttpResponse<String> about = get("/about?email=a%40b.c", "Accept", "text/html", "Cookie", cookie);
		assertThat(about.headers().allValues("set-cookie")).isEmpty();
		assertThat(about.body()).contains("<dd id=\"cxp-previous-page\">/</dd>");
		HttpResponse<String> api = get("/api/visitor", "Accept", "application/json", "Cookie", cookie);
		JsonNode visitor = new JsonMapper().readTree(api.body());
		assertThat(visitor.get("visitorId").asString()).isEqualTo(cookie.substring("_mspi=".length()));
		assertThat(visitor.at("/consent/state").asString()).isEqualTo("UNSPECIFIED");
		assertThat(visitor.at("/consent/effective").asBoolean()).isTrue();
		assertThat(visitor.at("/session/id").asString()).matches("[A-Za-z0-9_-]{22}");
		assertThat(visitor.at("/session/previousPage").asString()).isEqualTo("/");
		assertThat(api.body()).doesNotContain("email").doesNotContain("a@b.c");
	}

	@Test
	void declinedVisitorIsNotTracked() throws Exception {
		HttpResponse<String> api = get("/api/visitor", "Accept", "application/json", "Cookie", "cxp_consent=denied");
		JsonNode visitor = new JsonMapper().readTree(api.body());
		assertThat(visitor.get("visitorId").isNull()).isTrue();
		assertThat(visitor.get("session").isNull()).isTrue();
		assertThat(visitor.at("/consent/source").asString()).isEqualTo("cookie");
		assertThat(api.headers().allValues("set-cookie")).isEmpty();
	}

	@Test
	void pagesAndJsonThatCarryIdsAreNeverStored() throws Exception {
		HttpResponse<String> home = get("/", "Accept", "text/html");
		String cookie = home.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
		assertThat(home.body()).contains(cookie.substring("_mspi=".length()));
		for (String path : List.of("/", "/about", "/api/visitor", "/cxp/visitor", "/cxp/consent")) {
			HttpResponse<String> response = get(path, "Accept", path.startsWith("/api") || path.startsWith("/cxp")
					? "application/json" : "text/html", "Cookie", cookie);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("cache-control")).as(path).hasValue("no-store");
		}
	}

	@Test
	void everyResponseCarriesAStrictContentSecurityPolicy() throws Exception {
		for (String path : List.of("/", "/about", "/site.css", "/consent-banner.js", "/cxp/cxp.js")) {
			HttpResponse<String> response = get(path);
			assertThat(response.headers().firstValue("content-security-policy")).as(path)
				.hasValue(ContentSecurityPolicyFilter.POLICY);
		}
		assertThat(ContentSecurityPolicyFilter.POLICY).contains("script-src 'self';")
			.contains("style-src 'self';")
			.doesNotContain("unsafe");
	}

	@Test
	void healthIsUp() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(health.headers().allValues("set-cookie")).isEmpty();
	}

}
