package dev.cxp.reactive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.session.PageViewEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S1 to S10 on WebFlux, over a real Netty server with WebTestClient: the same cookies, sessions, page views,
 * consent endpoint, receipts, browser script, visitor endpoint, meters and Actuator endpoint as on Spring MVC.
 */
@SpringBootTest(classes = ReactiveTestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cxp.consent.purposes=analytics,ads",
				"cxp.consent.revision=2026-02", "cxp.tracking.exclude-patterns=/private/**",
				"management.endpoints.web.exposure.include=cxp,metrics", "cxp.consent.ledger.enabled=true" })
@Import(ReactiveStarterServerTests.Listeners.class)
class ReactiveStarterServerTests {

	private static final String HTML = "text/html,application/xhtml+xml";

	private static final String VISITOR_ID = "0123456789abcdef0123456789abcdef";

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Listeners listeners;

	@Autowired
	CxpActivity activity;

	@Autowired
	ConsentLedger ledger;

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@BeforeEach
	void clearEvents() {
		this.listeners.pageViews.clear();
		this.listeners.consentChanges.clear();
	}

	@Test
	void returningVisitorGetsNoNewCookie() {
		EntityExchangeResult<String> result = client().get().uri("/").header("Accept", HTML)
			.cookie("_mspi", VISITOR_ID).exchange().expectStatus().isOk().expectBody(String.class).returnResult();
		assertThat(result.getResponseHeaders().get("Set-Cookie")).isNull();
		assertThat(result.getResponseBody()).contains("visitor " + VISITOR_ID);
	}

	@Test
	void deniedVisitorGetsNoIdAndTheCarriedOneIsErased() {
		EntityExchangeResult<String> result = client().get().uri("/").header("Accept", HTML)
			.header("X-CXP-Consent", "denied").cookie("_mspi", VISITOR_ID).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult();
		// Netty writes the attributes in its own order, with an Expires of now: the same deletion
		assertThat(result.getResponseHeaders().get("Set-Cookie")).singleElement()
			.satisfies((cookie) -> assertThat(List.of(cookie.split("; "))).startsWith("_mspi=")
				.contains("Max-Age=0", "Path=/")
				.noneMatch((attribute) -> attribute.startsWith("Domain")));
		assertThat(result.getResponseBody()).contains("visitor null");
		assertThat(this.listeners.pageViews).isEmpty();
	}

	@Test
	void globalPrivacyControlDeniesAVisitorWhoSaidNothing() {
		JsonNode visitor = visitor(client().get().uri("/api/visitor").header("Sec-GPC", "1"));
		assertThat(visitor.get("visitorId").isNull()).isTrue();
		assertThat(visitor.get("consent").get("source").stringValue()).isEqualTo("gpc");
	}

	@Test
	void pageViewsKeepTheSessionAndThePreviousPage() {
		String visitorId = "fedcba9876543210fedcba9876543210";
		page("/", visitorId);
		page("/about?token=secret", visitorId);
		JsonNode session = visitor(client().get().uri("/api/visitor").cookie("_mspi", visitorId)).get("session");
		assertThat(session.get("previousPage").stringValue()).isEqualTo("/");
		assertThat(this.listeners.pageViews).extracting(PageViewEvent::page).containsExactly("/", "/about");
		assertThat(this.listeners.pageViews.get(1).previousPage()).isEqualTo("/");
		assertThat(this.listeners.pageViews.get(0).newSession()).isTrue();
	}

	@Test
	void fetchCallsExcludedPathsUnknownPathsAndTheStartersOwnPathsAreNoPageViews() {
		String visitorId = "00000000000000000000000000000001";
		client().get().uri("/").header("Sec-Fetch-Dest", "empty").header("Accept", HTML).cookie("_mspi", visitorId)
			.exchange().expectStatus().isOk();
		client().get().uri("/private/page").header("Accept", HTML).cookie("_mspi", visitorId).exchange()
			.expectStatus().isOk();
		EntityExchangeResult<byte[]> missing = client().get().uri("/missing").header("Accept", HTML).exchange()
			.expectStatus().isNotFound().expectBody().returnResult();
		assertThat(missing.getResponseHeaders().get("Set-Cookie")).isNull();
		client().get().uri("/cxp/cxp.js").header("Accept", HTML).cookie("_mspi", visitorId).exchange()
			.expectStatus().isOk();
		client().post().uri("/api/form").cookie("_mspi", visitorId).exchange().expectStatus().isOk()
			.expectBody(String.class).isEqualTo(visitorId);
		assertThat(this.listeners.pageViews).isEmpty();
	}

	@Test
	void corsPreflightIsLeftAlone() {
		EntityExchangeResult<byte[]> result = client().options().uri("/").header("Origin", "https://other.example")
			.header("Access-Control-Request-Method", "GET").exchange().expectBody().returnResult();
		assertThat(result.getResponseHeaders().get("Set-Cookie")).isNull();
	}

	@Test
	void consentEndpointAnswersTheSameJsonAsOnSpringMvc() {
		JsonNode consent = json(client().get().uri("/cxp/consent").exchange().expectStatus().isOk()
			.expectHeader().cacheControl(org.springframework.http.CacheControl.noStore()).expectBody(String.class)
			.returnResult().getResponseBody());
		assertThat(consent.get("state").stringValue()).isEqualTo("UNSPECIFIED");
		assertThat(consent.get("source").stringValue()).isEqualTo("none");
		assertThat(consent.get("effective").booleanValue()).isTrue();
		assertThat(consent.get("required").booleanValue()).isFalse();
		assertThat(consent.get("revision").stringValue()).isEqualTo("2026-02");
		assertThat(consent.get("purposes").get("ads").stringValue()).isEqualTo("UNSPECIFIED");
		assertThat(consent.get("region").isNull()).isTrue();
	}

	@Test
	void grantThroughTheBannerSetsBothCookiesIsRecordedAndPublished() {
		EntityExchangeResult<String> grant = client().put().uri("/cxp/consent")
			.contentType(MediaType.APPLICATION_JSON).header("Sec-Fetch-Site", "same-origin")
			.bodyValue("{\"purposes\":{\"analytics\":\"granted\",\"ads\":\"denied\"}}").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult();
		List<String> cookies = grant.getResponseHeaders().get("Set-Cookie");
		String consentCookie = cookies.stream().filter((cookie) -> cookie.startsWith("cxp_consent=")).findFirst()
			.orElseThrow();
		assertThat(consentCookie).matches("cxp_consent=1\\.2026-02\\.analytics:g~ads:d\\.[0-9a-f]{32}; .*")
			.contains("Max-Age=15552000", "Path=/", "SameSite=Lax").doesNotContain("HttpOnly");
		assertThat(cookies).anySatisfy((cookie) -> assertThat(cookie).matches("_mspi=[0-9a-f]{32}; .*"));
		JsonNode answer = json(grant.getResponseBody());
		assertThat(answer.get("source").stringValue()).isEqualTo("cookie");
		assertThat(answer.get("purposes").get("ads").stringValue()).isEqualTo("DENIED");
		String value = consentCookie.substring("cxp_consent=".length(), consentCookie.indexOf(';'));
		ConsentRecord record = this.ledger.findByReceiptId(value.substring(value.lastIndexOf('.') + 1)).orElseThrow();
		assertThat(record.method()).isEqualTo(ConsentMethod.BANNER);
		assertThat(record.purposes()).containsEntry("analytics", ConsentState.GRANTED);
		assertThat(this.listeners.consentChanges).singleElement()
			.satisfies((event) -> assertThat(event.newState()).isEqualTo(ConsentState.GRANTED));
		JsonNode receipt = json(client().get().uri("/cxp/consent/receipt").cookie("cxp_consent", value).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		assertThat(receipt.get("receiptId").stringValue()).isEqualTo(record.receiptId());
		assertThat(receipt.get("purposes").get("ads").stringValue()).isEqualTo("DENIED");
	}

	@Test
	void withdrawalErasesTheVisitorIdAndTheSession() {
		String visitorId = "00000000000000000000000000000002";
		page("/", visitorId);
		EntityExchangeResult<String> withdrawal = client().delete().uri("/cxp/consent").cookie("_mspi", visitorId)
			.header("Origin", "http://127.0.0.1:" + this.port).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult();
		assertThat(withdrawal.getResponseHeaders().get("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("_mspi=; Max-Age=0;").contains("; Path=/"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("cxp_consent=1.2026-02.analytics:d~ads:d"));
		assertThat(this.listeners.consentChanges).singleElement()
			.satisfies((event) -> assertThat(event.serverDataErased()).isTrue());
		JsonNode visitor = visitor(client().get().uri("/api/visitor").header("X-CXP-Consent", "granted")
			.cookie("_mspi", visitorId));
		assertThat(visitor.get("session").isNull()).isTrue();
	}

	@Test
	void consentChangesAreRefusedAsOnSpringMvc() {
		client().put().uri("/cxp/consent").contentType(MediaType.APPLICATION_JSON)
			.header("Sec-Fetch-Site", "cross-site").bodyValue("{\"consent\":\"granted\"}").exchange()
			.expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		client().delete().uri("/cxp/consent").header("Origin", "https://evil.example").exchange()
			.expectStatus().isForbidden();
		client().put().uri("/cxp/consent").contentType(MediaType.TEXT_PLAIN).bodyValue("granted").exchange()
			.expectStatus().isEqualTo(415);
		client().put().uri("/cxp/consent").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"consent\":\"maybe\"}")
			.exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		client().put().uri("/cxp/consent").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"consent\":\"" + "x".repeat(10_000) + "\"}").exchange().expectStatus().isBadRequest();
		client().put().uri("/cxp/consent").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"purposes\":{\"unknown\":\"granted\"}}").exchange().expectStatus().isBadRequest();
		assertThat(this.listeners.consentChanges).isEmpty();
	}

	@Test
	void visitorEndpointIssuesTheIdAndTheScriptIsRevalidated() {
		EntityExchangeResult<String> visitor = client().get().uri("/cxp/visitor").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult();
		String cookie = visitor.getResponseHeaders().getFirst("Set-Cookie");
		assertThat(cookie).matches("_mspi=[0-9a-f]{32}; .*");
		assertThat(json(visitor.getResponseBody()).get("visitorId").stringValue())
			.isEqualTo(cookie.substring(6, 38));
		EntityExchangeResult<byte[]> script = client().get().uri("/cxp/cxp.js").exchange().expectStatus().isOk()
			.expectHeader().contentType("text/javascript;charset=UTF-8").expectHeader().valueEquals("Cache-Control", "no-cache")
			.expectBody().returnResult();
		String etag = script.getResponseHeaders().getETag();
		assertThat(etag).startsWith("\"");
		client().get().uri("/cxp/cxp.js").header("If-None-Match", etag).exchange().expectStatus().isNotModified();
	}

	@Test
	void metersAndTheActuatorEndpointCountTheReactivePath() {
		long created = this.activity.visitorsCreated();
		client().get().uri("/").header("Accept", HTML).exchange().expectStatus().isOk();
		assertThat(this.activity.visitorsCreated()).isEqualTo(created + 1);
		JsonNode cxp = json(client().get().uri("/actuator/cxp").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody());
		assertThat(cxp.toString()).contains("\"memory\"");
		client().get().uri("/actuator/metrics/cxp.visitors.created").exchange().expectStatus().isOk();
		client().get().uri("/actuator/metrics/cxp.consent.decisions").exchange().expectStatus().isOk();
	}

	private void page(String path, String visitorId) {
		client().get().uri(path).header("Accept", HTML).cookie("_mspi", visitorId).exchange().expectStatus().isOk();
	}

	private static JsonNode visitor(WebTestClient.RequestHeadersSpec<?> request) {
		return json(request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}

	private static JsonNode json(String body) {
		return json.readTree(body);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listeners {

		final List<PageViewEvent> pageViews = new CopyOnWriteArrayList<>();

		final List<ConsentChangedEvent> consentChanges = new CopyOnWriteArrayList<>();

		@EventListener
		void pageViewed(PageViewEvent event) {
			this.pageViews.add(event);
		}

		@EventListener
		void consentChanged(ConsentChangedEvent event) {
			this.consentChanges.add(event);
		}

	}

}
