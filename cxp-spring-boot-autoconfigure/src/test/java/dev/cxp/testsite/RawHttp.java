package dev.cxp.testsite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A plain HTTP client for tests that read raw {@code Set-Cookie} headers from a real server.
 */
public final class RawHttp {

	private static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * GET a path with the given header name/value pairs.
	 */
	public HttpResponse<String> get(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
	}

	public HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
		if (headers.length > 0) {
			builder.headers(headers);
		}
		try {
			return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	public static List<String> setCookies(HttpResponse<?> response) {
		return response.headers().allValues("set-cookie");
	}

	public static List<String> setCookies(HttpResponse<?> response, String name) {
		return setCookies(response).stream().filter((header) -> header.startsWith(name + "=")).toList();
	}

}
