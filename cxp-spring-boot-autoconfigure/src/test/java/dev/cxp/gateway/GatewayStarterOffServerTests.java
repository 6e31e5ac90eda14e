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
 * A gateway with the starter switched off ({@code cxp.enabled=false}): no cookie and no tracking, yet the client's
 * copies of the headers are still stripped, so that turning the starter off never lets a client speak for the
 * gateway to the services behind it.
 */
@SpringBootTest(classes = GatewayTestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cxp.enabled=false",
				"cxp.gateway.forward-headers=true" })
class GatewayStarterOffServerTests {

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
	void clientCopiesAreStrippedAndNothingIsAdded() throws InterruptedException {
		EntityExchangeResult<byte[]> result = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.get()
			.uri("/")
			.header("Accept", "text/html")
			.header("X-CXP-Visitor-Id", "someone-else")
			.header("X-CXP-Consent", "analytics=granted")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(result.getResponseHeaders().get("Set-Cookie")).isNull();
		assertThat(this.site.pageViews).isEmpty();
		Received received = downstream.next();
		assertThat(received.header("X-CXP-Visitor-Id")).isEmpty();
		assertThat(received.header("X-CXP-Consent")).isEmpty();
	}

}
