package dev.cxp.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cxp.gateway.RecordingDownstream.Received;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway with the starter and {@code cxp.gateway.forward-headers} left off: routed navigations still get the
 * visitor id and sessions, the service behind it gets neither header, and the client's copies are stripped.
 */
@SpringBootTest(classes = GatewayTestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class GatewayWithoutForwardingServerTests {

	@RegisterExtension
	static final RecordingDownstream downstream = new RecordingDownstream();

	@LocalServerPort
	int port;

	@Autowired
	GatewayTestSite site;

	@DynamicPropertySource
	static void downstream(DynamicPropertyRegistry registry) {
		registry.add("downstream.uri", downstream::uri);
	}

	@Test
	void navigationsAreTrackedAndTheClientsCopiesStripped() throws InterruptedException {
		EntityExchangeResult<byte[]> result = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.get()
			.uri("/")
			.header("Accept", "text/html")
			.header("X-CXP-Visitor-Id", "someone-else")
			.header("X-CXP-Consent", "granted")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(result.getResponseHeaders().getFirst("Set-Cookie")).matches("_mspi=[0-9a-f]{32}; .*");
		assertThat(this.site.pageViews).hasSize(1);
		Received received = downstream.next();
		assertThat(received.header("X-CXP-Visitor-Id")).isEmpty();
		assertThat(received.header("X-CXP-Consent")).isEmpty();
	}

}
