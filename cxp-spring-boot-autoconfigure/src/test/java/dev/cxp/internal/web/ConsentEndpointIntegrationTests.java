package dev.cxp.internal.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent endpoint, the current-visitor endpoint and the script over a real server, reading the raw
 * {@code Set-Cookie} headers of each response.
 */
@SpringBootTest(classes = ConsentEndpointIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsentEndpointIntegrationTests {

	static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

	static final String VISITOR_ID = "0123456789abcdef0123456789abcdef";

	static final String JSON = "application/json";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	RecordedActivity recorded;

	@Autowired
	VisitorSessionStore sessionStore;

	@Autowired
	CxpActivity activity;

	@BeforeEach
	void forgetEarlierTests() {
		this.recorded.clear(this.activity);
	}

	@Test
	void getAnswersTheCurrentConsentWithoutSettingACookie() throws Exception {
		HttpResponse<String> response = send("GET", "/cxp/consent", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body())
			.isEqualTo("{\"state\":\"UNSPECIFIED\",\"source\":\"none\",\"effective\":true,\"required\":false,\"revision\":\"1\",\"purposes\":{\"analytics\":\"UNSPECIFIED\"},\"region\":null}");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(setCookies(response)).isEmpty();
	}

	@Test
	void getReportsTheConsentCookie() throws Exception {
		HttpResponse<String> response = send("GET", "/cxp/consent", null, null, "Cookie", "cxp_consent=denied");
		assertThat(response.body())
			.isEqualTo("{\"state\":\"DENIED\",\"source\":\"cookie\",\"effective\":false,\"required\":false,\"revision\":\"1\",\"purposes\":{\"analytics\":\"DENIED\"},\"region\":null}");
		assertThat(setCookies(response)).isEmpty();
	}

	@Test
	void getReportsGlobalPrivacyControl() throws Exception {
		HttpResponse<String> response = send("GET", "/cxp/consent", null, null, "Sec-GPC", "1");
		assertThat(response.body())
			.isEqualTo("{\"state\":\"DENIED\",\"source\":\"gpc\",\"effective\":false,\"required\":false,\"revision\":\"1\",\"purposes\":{\"analytics\":\"DENIED\"},\"region\":null}");
	}

	@Test
	void grantRecordsTheChoiceAndIssuesAVisitorIdInTheSameResponse() throws Exception {
		HttpResponse<String> response = send("PUT", "/cxp/consent", JSON, "{\"consent\":\"granted\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("{\"state\":\"GRANTED\",\"source\":\"cookie\",\"effective\":true,\"required\":false,\"revision\":\"1\",\"purposes\":{\"analytics\":\"GRANTED\"},\"region\":null}");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(setCookies(response)).hasSize(2);
		assertConsentCookie(response, "1.1.analytics:g");
		String visitorCookie = onlyCookie(response, "_mspi");
		String visitorId = visitorCookie.substring("_mspi=".length(), visitorCookie.indexOf(';'));
		assertThat(visitorId).matches("[0-9a-f]{32}");
		assertThat(attributes(visitorCookie)).contains("Max-Age=31536000", "Path=/", "SameSite=Lax")
			.doesNotContain("HttpOnly");
		assertThat(this.recorded.events).containsExactly(
				new ConsentChangedEvent(visitorId, ConsentState.UNSPECIFIED, ConsentState.GRANTED, "cookie", NOW,
						ConsentState.GRANTED == ConsentState.DENIED, Map.of("analytics", ConsentState.GRANTED), "1", null));
		assertThat(this.recorded.events.get(0).isChange()).isTrue();
		assertThat(this.recorded.listenerStates(this.activity)).containsExactly(ConsentState.GRANTED);
	}

	@Test
	void grantKeepsAValidVisitorIdWithoutSendingItAgain() throws Exception {
		HttpResponse<String> response = send("PUT", "/cxp/consent", JSON, "{\"consent\":\"granted\"}", "Cookie",
				"_mspi=" + VISITOR_ID + "; cxp_consent=granted");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(setCookies(response)).hasSize(1);
		assertConsentCookie(response, "1.1.analytics:g");
		ConsentChangedEvent event = this.recorded.events.get(0);
		assertThat(event.visitorId()).isEqualTo(VISITOR_ID);
		assertThat(event.oldState()).isEqualTo(ConsentState.GRANTED);
		assertThat(event.isChange()).isFalse();
	}

	@Test
	void grantReplacesAnInvalidVisitorIdWithOneCookieOnly() throws Exception {
		HttpResponse<String> response = send("PUT", "/cxp/consent", JSON, "{\"consent\":\"granted\"}", "Cookie",
				"_mspi=bad%20id; _mspi=a*b");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(cookiesNamed(response, "_mspi")).hasSize(1);
		assertThat(onlyCookie(response, "_mspi")).matches("_mspi=[0-9a-f]{32};.*");
	}

	@Test
	void denialRecordsTheChoiceErasesTheVisitorIdAndForgetsItsSession() throws Exception {
		HttpResponse<String> page = send("GET", "/page", null, null, "Accept", "text/html");
		String visitorId = onlyCookie(page, "_mspi").substring("_mspi=".length(), 38);
		assertThat(this.sessionStore.find(visitorId, NOW)).isNotNull();
		this.recorded.clear(this.activity);

		HttpResponse<String> response = send("PUT", "/cxp/consent", JSON, "{\"consent\":\"denied\"}", "Cookie",
				"_mspi=" + visitorId);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("{\"state\":\"DENIED\",\"source\":\"cookie\",\"effective\":false,\"required\":false,\"revision\":\"1\",\"purposes\":{\"analytics\":\"DENIED\"},\"region\":null}");
		assertThat(setCookies(response)).hasSize(2);
		assertConsentCookie(response, "1.1.analytics:d");
		assertVisitorIdDeleted(response);
		assertThat(this.sessionStore.find(visitorId, NOW)).isNull();
		assertThat(this.recorded.events).containsExactly(
				new ConsentChangedEvent(visitorId, ConsentState.UNSPECIFIED, ConsentState.DENIED, "cookie", NOW,
						ConsentState.DENIED == ConsentState.DENIED, Map.of("analytics", ConsentState.DENIED), "1", null));
		assertThat(this.recorded.listenerStates(this.activity)).containsExactly(ConsentState.DENIED);
	}

	@Test
	void deleteWithdrawsConsentLikeADenial() throws Exception {
		HttpResponse<String> response = send("DELETE", "/cxp/consent", null, null, "Cookie",
				"cxp_consent=granted; _mspi=" + VISITOR_ID, "Origin", ownOrigin(), "Sec-Fetch-Site", "same-origin");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("{\"state\":\"DENIED\",\"source\":\"cookie\",\"effective\":false,\"required\":false,\"revision\":\"1\",\"purposes\":{\"analytics\":\"DENIED\"},\"region\":null}");
		assertConsentCookie(response, "1.1.analytics:d");
		assertVisitorIdDeleted(response);
		assertThat(this.recorded.events).containsExactly(
				new ConsentChangedEvent(VISITOR_ID, ConsentState.GRANTED, ConsentState.DENIED, "cookie", NOW,
						ConsentState.DENIED == ConsentState.DENIED, Map.of("analytics", ConsentState.DENIED), "1", null));
	}

	@Test
	void denialWithoutAVisitorIdSetsOnlyTheConsentCookie() throws Exception {
		HttpResponse<String> response = send("DELETE", "/cxp/consent", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(setCookies(response)).hasSize(1);
		assertConsentCookie(response, "1.1.analytics:d");
		assertThat(this.recorded.events).singleElement()
			.satisfies((event) -> assertThat(event.visitorId()).isNull());
	}

	@ParameterizedTest
	@ValueSource(strings = { "GRANTED", "yes", "1", "true" })
	void everyUnderstoodGrantIsAcceptedAndRecordedCanonically(String value) throws Exception {
		HttpResponse<String> response = send("PUT", "/cxp/consent", JSON, "{\"consent\":\"" + value + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertConsentCookie(response, "1.1.analytics:g");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Denied", "no", "0", "false" })
	void everyUnderstoodDenialIsAcceptedAndRecordedCanonically(String value) throws Exception {
		HttpResponse<String> response = send("PUT", "/cxp/consent", JSON, "{\"consent\":\"" + value + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertConsentCookie(response, "1.1.analytics:d");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "{}", "[]", "null", "\"granted\"", "{\"consent\":\"<maybe>\"}",
			"{\"consent\":true}", "{\"consent\":1}", "{\"consent\":null}", "{\"consent\":[\"granted\"]}",
			"{\"Consent\":\"granted\"}", "{\"consent\":\"granted\"} {}", "{\"consent\":\"granted\"",
			"{\"consent\":\"granted\",\"consent\":\"denied\"}", "consent=granted", "\u0000\r\n" })
	void aBadBodyIsRefusedWith400AndNotRepeated(String body) throws Exception {
		HttpResponse<String> response = send("PUT", "/cxp/consent", JSON, body);
		assertRefused(response, 400);
		assertThat(response.body()).doesNotContain("<maybe>").doesNotContain("consent=");
	}

	@Test
	void anOversizedBodyIsRefusedWith400() throws Exception {
		String body = "{\"consent\":\"granted\",\"pad\":\"" + "x".repeat(ConsentChoiceReader.MAX_BODY_BYTES) + "\"}";
		assertRefused(send("PUT", "/cxp/consent", JSON, body), 400);
	}

	@Test
	void aJsonContentTypeWithParametersOrASuffixIsAccepted() throws Exception {
		assertThat(send("PUT", "/cxp/consent", "application/json; charset=UTF-8", "{\"consent\":\"granted\"}")
			.statusCode()).isEqualTo(200);
		assertThat(send("PUT", "/cxp/consent", "application/merge-patch+json", "{\"consent\":\"granted\"}")
			.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/*", "application/jsonx", "not a media type", "text/json" })
	void aBodyNotDeclaredAsJsonIsRefusedWith415(String contentType) throws Exception {
		assertRefused(send("PUT", "/cxp/consent", contentType, "{\"consent\":\"granted\"}"), 415);
	}

	@Test
	void aBodyWithoutContentTypeIsRefusedWith415() throws Exception {
		assertRefused(send("PUT", "/cxp/consent", null, "{\"consent\":\"granted\"}"), 415);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Sec-Fetch-Site=cross-site", "Sec-Fetch-Site=same-site", "Sec-Fetch-Site=bogus",
			"Origin=https://evil.example", "Origin=null", "Origin=http://localhost:1", "Origin=https://localhost:PORT",
			"Origin=http://127.0.0.2:PORT", "Origin=http://localhost:PORT/path", "Origin=not an origin",
			"Origin=http://user@localhost:PORT" })
	void aForeignRequestIsRefusedWith403(String header) throws Exception {
		String[] nameAndValue = header.replace("PORT", String.valueOf(this.port)).split("=", 2);
		assertRefused(send("PUT", "/cxp/consent", JSON, "{\"consent\":\"granted\"}", nameAndValue), 403);
		assertRefused(send("DELETE", "/cxp/consent", null, null, nameAndValue), 403);
	}

	@Test
	void aForeignRequestIsRefusedBeforeItsBodyIsLookedAt() throws Exception {
		assertRefused(send("PUT", "/cxp/consent", "text/plain", "junk", "Sec-Fetch-Site", "cross-site"), 403);
	}

	@Test
	void aSameOriginRequestFromABrowserIsAccepted() throws Exception {
		HttpResponse<String> response = send("PUT", "/cxp/consent", JSON, "{\"consent\":\"granted\"}", "Origin",
				"http://LOCALHOST:" + this.port, "Sec-Fetch-Site", "same-origin");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void visitorEndpointIssuesAnIdWithConsentAndAnswersTheVisitor() throws Exception {
		HttpResponse<String> response = send("GET", "/cxp/visitor", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		String visitorCookie = onlyCookie(response, "_mspi");
		String visitorId = visitorCookie.substring("_mspi=".length(), visitorCookie.indexOf(';'));
		assertThat(response.body()).startsWith("{\"visitorId\":\"" + visitorId + "\",\"consent\":{\"state\":"
				+ "\"UNSPECIFIED\",\"source\":\"none\",\"effective\":true},\"session\":null,\"region\":null}");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(this.recorded.events).isEmpty();
	}

	@Test
	void visitorEndpointAnswersTheSessionOfAVisitorWhoViewedAPage() throws Exception {
		HttpResponse<String> page = send("GET", "/page", null, null, "Sec-Fetch-Dest", "document");
		String visitorId = onlyCookie(page, "_mspi").substring("_mspi=".length(), 38);
		HttpResponse<String> response = send("GET", "/cxp/visitor", null, null, "Cookie", "_mspi=" + visitorId);
		assertThat(setCookies(response)).isEmpty();
		assertThat(response.body()).contains("\"visitorId\":\"" + visitorId + "\"")
			.contains("\"session\":{\"id\":")
			.contains("\"previousPage\":null");
	}

	@Test
	void visitorEndpointErasesTheIdWithoutConsent() throws Exception {
		HttpResponse<String> response = send("GET", "/cxp/visitor", null, null, "Cookie",
				"cxp_consent=denied; _mspi=" + VISITOR_ID);
		assertThat(response.body()).startsWith("{\"visitorId\":null,");
		assertThat(setCookies(response)).hasSize(1);
		assertVisitorIdDeleted(response);
	}

	@Test
	void scriptIsServedWithAStrongEntityTagAndRevalidated() throws Exception {
		HttpResponse<String> response = send("GET", "/cxp/cxp.js", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.body()).contains("window.cxp = {");
		assertThat(setCookies(response)).isEmpty();
		String etag = response.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[A-Za-z0-9_-]{43}\"");

		HttpResponse<String> revalidated = send("GET", "/cxp/cxp.js", null, null, "If-None-Match", etag);
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);

		HttpResponse<String> changed = send("GET", "/cxp/cxp.js", null, null, "If-None-Match", "\"older\"");
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).isEqualTo(response.body());
	}

	@Test
	void noResponseCreatesAnHttpSession() throws Exception {
		List<HttpResponse<String>> responses = new ArrayList<>();
		responses.add(send("GET", "/cxp/consent", null, null));
		responses.add(send("PUT", "/cxp/consent", JSON, "{\"consent\":\"granted\"}"));
		responses.add(send("PUT", "/cxp/consent", JSON, "{\"consent\":\"denied\"}", "Cookie", "_mspi=" + VISITOR_ID));
		responses.add(send("PUT", "/cxp/consent", JSON, "junk"));
		responses.add(send("DELETE", "/cxp/consent", null, null));
		responses.add(send("GET", "/cxp/visitor", null, null));
		for (HttpResponse<String> response : responses) {
			assertThat(setCookies(response)).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		}
	}

	private void assertRefused(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).startsWith("{\"type\":\"about:blank\",\"title\":")
			.contains("\"status\":" + status + ",\"detail\":\"");
		assertThat(setCookies(response)).isEmpty();
		assertThat(this.recorded.events).isEmpty();
		assertThat(this.recorded.listenerStates(this.activity)).isEmpty();
	}

	private void assertConsentCookie(HttpResponse<String> response, String value) {
		String cookie = onlyCookie(response, "cxp_consent");
		assertThat(cookie).startsWith("cxp_consent=" + value + ";");
		assertThat(attributes(cookie)).contains("Max-Age=15552000", "Path=/", "SameSite=Lax")
			.doesNotContain("HttpOnly", "Secure")
			.noneMatch((attribute) -> attribute.startsWith("Domain"));
	}

	private void assertVisitorIdDeleted(HttpResponse<String> response) {
		String cookie = onlyCookie(response, "_mspi");
		assertThat(cookie).startsWith("_mspi=;");
		assertThat(attributes(cookie)).contains("Max-Age=0", "Path=/");
	}

	private HttpResponse<String> send(String method, String path, @Nullable String contentType,
			@Nullable String body, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	private String ownOrigin() {
		return "http://localhost:" + this.port;
	}

	private static List<String> setCookies(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie");
	}

	private static List<String> cookiesNamed(HttpResponse<?> response, String name) {
		return setCookies(response).stream().filter((cookie) -> cookie.startsWith(name + "=")).toList();
	}

	private static String onlyCookie(HttpResponse<?> response, String name) {
		List<String> cookies = cookiesNamed(response, name);
		assertThat(cookies).as("Set-Cookie headers named %s", name).hasSize(1);
		return cookies.get(0);
	}

	private static List<String> attributes(String cookie) {
		List<String> attributes = new ArrayList<>(List.of(cookie.split("; ")));
		attributes.remove(0);
		return attributes;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		RecordedActivity recordedActivity() {
			return new RecordedActivity();
		}

		@Bean
		PageController pageController() {
			return new PageController();
		}

	}

	@RestController
	static class PageController {

		@GetMapping("/page")
		String page() {
			return "page";
		}

	}

	static class RecordedActivity {

		final List<ConsentChangedEvent> events = new CopyOnWriteArrayList<>();

		private long granted;

		private long denied;

		@EventListener
		void onConsentChanged(ConsentChangedEvent event) {
			this.events.add(event);
		}

		List<ConsentState> listenerStates(CxpActivity activity) {
			List<ConsentState> states = new ArrayList<>();
			for (long i = this.granted; i < activity.consentChanges(ConsentState.GRANTED); i++) {
				states.add(ConsentState.GRANTED);
			}
			for (long i = this.denied; i < activity.consentChanges(ConsentState.DENIED); i++) {
				states.add(ConsentState.DENIED);
			}
			return states;
		}

		void clear(CxpActivity activity) {
			this.events.clear();
			this.granted = activity.consentChanges(ConsentState.GRANTED);
			this.denied = activity.consentChanges(ConsentState.DENIED);
		}

	}

}
