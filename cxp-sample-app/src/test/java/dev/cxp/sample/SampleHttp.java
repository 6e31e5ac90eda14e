package dev.cxp.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small HTTP client for the sample app's tests: pages as a browser asks for them, the visitor API as a
 * script does.
 */
final class SampleHttp {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private SampleHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	static SampleHttp to(ConfigurableApplicationContext context) {
		return new SampleHttp(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
	}

	HttpResponse<String> page(String path, String visitorId) throws IOException, InterruptedException {
		return get(path, "text/html,application/xhtml+xml", visitorId);
	}

	HttpResponse<String> get(String path, String accept, String visitorId)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", accept);
		if (visitorId != null) {
			request.header("Cookie", "_mspi=" + visitorId);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
