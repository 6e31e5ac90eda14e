package dev.cxp.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code follow-user} profile over HTTP, as its README configuration promises: pages and health stay
 * open, a consent choice needs the page's CSRF token, and data subject requests reach only the operator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("follow-user")
class FollowUserProfileTests {

	private static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Test
	void pagesAndHealthAreOpenToEveryone() throws Exception {
		assertThat(send("GET", "/", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void consentChoiceWithoutThePagesCsrfTokenIsRefused() throws Exception {
		HttpResponse<String> choice = client.send(HttpRequest.newBuilder(uri("/cxp/consent"))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("{\"consent\":\"granted\"}"))
			.build(), BodyHandlers.ofString());
		assertThat(choice.statusCode()).isEqualTo(403);
		assertThat(choice.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("cxp_consent="));
	}

	@Test
	void dataSubjectRequestsReachOnlyTheOperator() throws Exception {
		assertThat(send("GET", "/actuator/cxp/subjects/alice", null).statusCode()).isEqualTo(401);
		assertThat(send("DELETE", "/actuator/cxp/subjects/alice", null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/actuator/cxp/subjects/alice", "alice").statusCode()).isEqualTo(403);
		assertThat(send("GET", "/actuator/cxp", "bob").statusCode()).isEqualTo(403);
		HttpResponse<String> access = send("GET", "/actuator/cxp/subjects/alice", "operator");
		assertThat(access.statusCode()).isEqualTo(200);
		assertThat(access.body()).contains("\"records\":[]").contains("\"sessions\":[]");
		assertThat(send("DELETE", "/actuator/cxp/subjects/alice", "operator").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(String method, String path, @Nullable String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, BodyPublishers.noBody());
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8)));
		}
		return client.send(request.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
