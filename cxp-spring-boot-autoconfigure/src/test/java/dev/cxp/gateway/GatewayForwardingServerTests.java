package dev.cxp.gateway;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
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
import dev.cxp.session.PageViewEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S13.4 through a real Spring Cloud Gateway routing to a real HTTP server: routed navigations get
 * {@code _mspi} and sessions under the same consent rules as a site's own pages, and with
 * {@code cxp.gateway.forward-headers=true} the service behind the gateway gets the visitor id (with effective
 * consent only) and every purpose's effective state, never the client's copies of those headers.
 */
@SpringBootTest(classes = GatewayTestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cxp.consent.purposes=analytics,ads",
				"cxp.gateway.forward-headers=true", "cxp.tracking.exclude-patterns=/private/**" })
class GatewayForwardingServerTests {

	@RegisterExtension
	static final RecordingDownstream downstream = new RecordingDownstream();

	private static final String HTML = "text/html,application/xhtml+xml";

	private static final String VISITOR_ID = "0123456789abcdef0123456789abcdef";

	@LocalServerPort
	int port;

	@Autowired
	GatewayTestSite site;

	@DynamicPropertySource
	static void downstream(DynamicPropertyRegistry registry) {
		registry.add("downstream.uri", downstream::uri);
	}

	@BeforeEach
	void clear() {
		downstream.clear();
		this.site.pageViews.clear();
	}

	@Test
	void aNewVisitorGetsTheCookieAndTheServiceGetsItsIdAndConsent() throws InterruptedException {
		EntityExchangeResult<String> result = client().get().uri("/shop").header("Accept", HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult();
		assertThat(result.getResponseBody()).contains("downstream");
		String cookie = result.getResponseHeaders().getFirst("Set-Cookie");
		assertThat(cookie).matches("_mspi=[0-9a-f]{32}; .*").contains("Max-Age=31536000", "Path=/");
		Received received = downstream.next();
		assertThat(received.path()).isEqualTo("/shop");
		assertThat(received.header("X-CXP-Visitor-Id")).containsExactly(cookie.substring(6, 38));
		assertThat(received.header("X-CXP-Consent")).containsExactly("analytics=granted,ads=granted");
		assertThat(this.site.pageViews).singleElement()
			.satisfies((view) -> assertThat(view.visitorId()).isEqualTo(cookie.substring(6, 38)));
	}

	@Test
	void routedNavigationsKeepTheSessionAndThePreviousPage() throws InterruptedException {
		String visitorId = "fedcba9876543210fedcba9876543210";
		navigate("/", visitorId);
		navigate("/shop?item=secret", visitorId);
		navigate("/private/orders", visitorId);
		assertThat(this.site.pageViews).extracting(PageViewEvent::page).containsExactly("/", "/shop");
		assertThat(this.site.pageViews.get(0).newSession()).isTrue();
		assertThat(this.site.pageViews.get(1).previousPage()).isEqualTo("/");
		assertThat(this.site.pageViews.get(1).sessionId()).isEqualTo(this.site.pageViews.get(0).sessionId());
		for (int i = 0; i < 3; i++) {
			assertThat(downstream.next().header("X-CXP-Visitor-Id")).containsExactly(visitorId);
		}
	}

	@Test
	void aRoutedFetchIsNoPageViewButTheServiceStillGetsTheDecision() throws InterruptedException {
		client().get().uri("/api/cart").header("Sec-Fetch-Dest", "empty").cookie("_mspi", VISITOR_ID)
			.cookie("cxp_consent", "1.1.analytics:g~ads:d").exchange().expectStatus().isOk();
		Received received = downstream.next();
		assertThat(received.header("X-CXP-Visitor-Id")).containsExactly(VISITOR_ID);
		assertThat(received.header("X-CXP-Consent")).containsExactly("analytics=granted,ads=denied");
		assertThat(this.site.pageViews).isEmpty();
	}

	@Test
	void clientCopiesOfTheHeadersNeverReachTheService() throws InterruptedException {
		client().get().uri("/").header("Accept", HTML).cookie("_mspi", VISITOR_ID)
			.header("X-CXP-Visitor-Id", "someone-else").header("X-CXP-Consent", "granted").exchange()
			.expectStatus().isOk();
		Received received = downstream.next();
		assertThat(received.header("X-CXP-Visitor-Id")).containsExactly(VISITOR_ID);
		assertThat(received.header("X-CXP-Consent")).containsExactly("analytics=granted,ads=granted");
	}

	@Test
	void withoutConsentTheServiceGetsNoIdAndTheCarriedOneIsErased() throws InterruptedException {
		EntityExchangeResult<String> result = client().get().uri("/").header("Accept", HTML).header("Sec-GPC", "1")
			.cookie("_mspi", VISITOR_ID).header("X-CXP-Visitor-Id", VISITOR_ID).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult();
		assertThat(result.getResponseHeaders().get("Set-Cookie")).singleElement()
			.satisfies((cookie) -> assertThat(List.of(cookie.split("; "))).startsWith("_mspi=").contains("Max-Age=0"));
		Received received = downstream.next();
		assertThat(received.header("X-CXP-Visitor-Id")).isEmpty();
		assertThat(received.header("X-CXP-Consent")).containsExactly("analytics=denied,ads=denied");
		assertThat(this.site.pageViews).isEmpty();
	}

	@Test
	void theGatewaysOwnConsentEndpointIsNotRouted() {
		client().get().uri("/cxp/consent").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.state").isEqualTo("UNSPECIFIED");
		assertThat(downstream.receivedNothing()).isTrue();
	}

	private void navigate(String path, String visitorId) {
		client().get().uri(path).header("Accept", HTML).cookie("_mspi", visitorId).exchange().expectStatus().isOk();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

}
