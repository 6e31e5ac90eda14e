package dev.cxp.hostile;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every combination of {@code Origin} and {@code Sec-Fetch-Site} against the writes of the consent endpoint,
 * over a real server. Only the site's own pages may change consent: a request is accepted when
 * {@code Sec-Fetch-Site} is absent, {@code same-origin} or {@code none} and {@code Origin} is absent or the
 * request's own origin. A sibling subdomain ({@code same-site}) is refused, since it may be run by
 * someone else.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(CrossSiteConsentWriteTests.Events.class)
class CrossSiteConsentWriteTests {

	private static final String VISITOR = "0123456789abcdef0123456789abcdef";

	@LocalServerPort
	int port;

	@Autowired
	Events events;

	@BeforeEach
	void clearEvents() {
		this.events.received.clear();
	}

	static Stream<Arguments> combinations() {
		List<Arguments> combinations = new ArrayList<>();
		String[] origins = { null, "null", "http://other.example", "http://127.0.0.1:1", "https://127.0.0.1:PORT",
				"http://127.0.0.1:PORT" };
		String[] fetchSites = { "cross-site", "same-site", "same-origin", "none", null };
		for (String method : new String[] { "PUT", "DELETE" }) {
			for (String origin : origins) {
				for (String fetchSite : fetchSites) {
					boolean sameOriginHeader = origin == null || origin.equals("http://127.0.0.1:PORT");
					boolean sameSiteFetch = fetchSite == null || fetchSite.equals("same-origin")
							|| fetchSite.equals("none");
					combinations.add(Arguments.of(method, origin, fetchSite, sameOriginHeader && sameSiteFetch));
				}
			}
		}
		return combinations.stream();
	}

	@ParameterizedTest(name = "{0} Origin={1} Sec-Fetch-Site={2} -> accepted {3}")
	@MethodSource("combinations")
	void onlyTheSitesOwnPagesMayChangeConsent(String method, String origin, String fetchSite, boolean accepted) {
		List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json", "Cookie",
				"_mspi=" + VISITOR + "; cxp_consent=granted"));
		if (origin != null) {
			headers.addAll(List.of("Origin", origin.replace("PORT", String.valueOf(this.port))));
		}
		if (fetchSite != null) {
			headers.addAll(List.of("Sec-Fetch-Site", fetchSite));
		}
		RawHttp http = new RawHttp(this.port);
		HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/cxp/consent"))
			.method(method, HttpRequest.BodyPublishers.ofString("{\"consent\":\"denied\"}"));
		HttpResponse<String> response = http.send(request, headers.toArray(String[]::new));
		if (accepted) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(RawHttp.setCookies(response, "cxp_consent")).singleElement()
				.asString()
				.startsWith("cxp_consent=1.1.analytics:d;");
			assertThat(RawHttp.setCookies(response, "_mspi")).singleElement().asString().startsWith("_mspi=;");
			assertThat(this.events.received).hasSize(1);
		}
		else {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(RawHttp.setCookies(response)).isEmpty();
			assertThat(this.events.received).isEmpty();
			assertThat(response.body()).doesNotContain("other.example");
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Events {

		final List<ConsentChangedEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();

		@EventListener
		void on(ConsentChangedEvent event) {
			this.received.add(event);
		}

	}

}
