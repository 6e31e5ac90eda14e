package dev.cxp.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code gateway} profile: the site routes {@code /gateway/service} to a service, which hears the visitor id
 * and the consent the gateway decided, and never a client's copy of them. The route names the site's own port, so
 * the site runs on a fixed free port here.
 */
class GatewayProfileTests {

	@Test
	void theServiceHearsTheGatewaysDecisionAndNeverTheClients() throws IOException {
		int port = freePort();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class)
			.profiles("gateway")
			.run("--server.port=" + port)) {
			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + port)
				.responseTimeout(Duration.ofSeconds(30))
				.build();
			EntityExchangeResult<byte[]> granted = client.get().uri("/gateway/service").header("Sec-Fetch-Dest", "document")
				.cookie("cxp_consent", "1.1.analytics:g~ads:d~personalization:g")
				.header("X-CXP-Visitor-Id", "someone-else").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$['X-CXP-Consent']").isEqualTo("analytics=granted,ads=denied,personalization=granted")
				.returnResult();
			assertThat(granted.getResponseHeaders().get("Set-Cookie")).singleElement().asString()
				.matches("_mspi=[0-9a-f]{32}; .*");
			String cookie = granted.getResponseHeaders().getFirst("Set-Cookie");
			assertThat(new String(granted.getResponseBody())).contains("\"X-CXP-Visitor-Id\":\"" + cookie.substring(6, 38));
			client.get().uri("/gateway/service").header("Sec-GPC", "1").header("X-CXP-Consent", "analytics=granted")
				.exchange().expectStatus().isOk().expectBody()
				.jsonPath("$['X-CXP-Visitor-Id']").doesNotExist()
				.jsonPath("$['X-CXP-Consent']").isEqualTo("analytics=denied,ads=denied,personalization=denied");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
