package dev.cxp.reactive;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code _mspi} cookie of a WebFlux application over a real Netty server, with the default settings.
 */
@SpringBootTest(classes = ReactiveTestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ReactiveVisitorCookieServerTests {

	private static final String HTML = "text/html,application/xhtml+xml";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void runsOnNetty() {
		assertThat(this.context).isInstanceOf(ReactiveWebServerApplicationContext.class);
		assertThat(((ReactiveWebServerApplicationContext) this.context).getWebServer().getClass().getSimpleName())
			.isEqualTo("NettyWebServer");
	}

	@Test
	void newVisitorGetsExactlyOneIdCookieWithTheSpecifiedAttributes() {
		EntityExchangeResult<String> result = client().get().uri("/").header("Accept", HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult();
		List<String> cookies = result.getResponseHeaders().get("Set-Cookie");
		assertThat(cookies).hasSize(1);
		String cookie = cookies.get(0);
		assertThat(cookie).matches("_mspi=[0-9a-f]{32}; .*");
		assertThat(List.of(cookie.split("; "))).contains("Path=/", "Max-Age=31536000", "SameSite=Lax")
			.noneMatch((attribute) -> attribute.startsWith("Domain"))
			.doesNotContain("Secure", "HttpOnly");
		String id = cookie.substring("_mspi=".length(), cookie.indexOf(';'));
		assertThat(result.getResponseBody()).contains("visitor " + id);
	}

}
