package dev.cxp.reactive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.internal.session.reactive.ReactiveVisitorSessionStore;
import dev.cxp.internal.session.redis.ReactiveRedisVisitorSessionStore;
import dev.cxp.session.redis.RedisServerExtension;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC instance and a WebFlux instance of one site share one real Redis: the same keys and scripts, so
 * that one visitor's session, and their previous page, is seen by both, and a withdrawal on one holds on the
 * other.
 */
class SharedRedisStoreServerTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final String HTML = "text/html,application/xhtml+xml";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void servletAndReactiveInstancesShareOneVisitorsSession() {
		redis.command("FLUSHALL");
		String visitorId = "0123456789abcdef0123456789abcdef";
		try (ConfigurableApplicationContext servlet = start(TestSite.class, WebApplicationType.SERVLET);
				ConfigurableApplicationContext reactive = start(ReactiveTestSite.class, WebApplicationType.REACTIVE)) {
			assertThat(reactive.getBean(ReactiveVisitorSessionStore.class))
				.isInstanceOf(ReactiveRedisVisitorSessionStore.class);
			WebTestClient mvc = client(servlet);
			WebTestClient flux = client(reactive);
			page(mvc, "/", visitorId);
			page(flux, "/about", visitorId);
			assertThat(redis.command("EXISTS cxp:session:" + visitorId)).contains("1");
			JsonNode seenByServlet = visitor(mvc, visitorId).get("session");
			JsonNode seenByReactive = visitor(flux, visitorId).get("session");
			assertThat(seenByServlet.get("previousPage").stringValue()).isEqualTo("/");
			assertThat(seenByReactive.get("id").stringValue()).isEqualTo(seenByServlet.get("id").stringValue());
			page(mvc, "/private/page", visitorId);
			assertThat(visitor(flux, visitorId).get("session").get("previousPage").stringValue()).isEqualTo("/about");
			flux.delete().uri("/cxp/consent").cookie("_mspi", visitorId).exchange().expectStatus().isOk();
			assertThat(redis.command("HEXISTS cxp:session:" + visitorId + " erased")).isEqualTo(":1");
			assertThat(redis.command("HEXISTS cxp:session:" + visitorId + " page")).isEqualTo(":0");
			JsonNode afterWithdrawal = json.readTree(mvc.get().uri("/api/visitor").cookie("_mspi", visitorId)
				.header("X-CXP-Consent", "granted").exchange().expectBody(String.class).returnResult().getResponseBody());
			assertThat(afterWithdrawal.get("session").isNull()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(Class<?> site, WebApplicationType type) {
		// Arguments, since they outrank the test resources' application.properties
		return new SpringApplicationBuilder(site).web(type)
			.run("--server.port=0", "--cxp.session.store=redis", "--spring.data.redis.host=127.0.0.1",
					"--spring.data.redis.port=" + redis.port(), "--cxp.session.redis.timeout=5s");
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	private static void page(WebTestClient client, String path, String visitorId) {
		client.get().uri(path).header("Accept", HTML).cookie("_mspi", visitorId).exchange().expectStatus().isOk();
	}

	private static JsonNode visitor(WebTestClient client, String visitorId) {
		return json.readTree(client.get().uri("/api/visitor").cookie("_mspi", visitorId).exchange().expectStatus()
			.isOk().expectBody(String.class).returnResult().getResponseBody());
	}

}
