package dev.cxp.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server behind the gateway under test: on a free loopback port, it answers every request with a small
 * HTML page and records the path and headers of each request it got, so that a test asserts what the gateway
 * forwarded. Register it with {@code @RegisterExtension} on a static field.
 */
final class RecordingDownstream implements BeforeAllCallback, AfterAllCallback {

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private HttpServer server;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.stop(0);
	}

	/**
	 * The URI the gateway routes to.
	 * @return the server's base URI
	 */
	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The next request the server got, waiting a bounded time for it.
	 * @return the request
	 */
	Received next() throws InterruptedException {
		Received next = this.received.poll(10, TimeUnit.SECONDS);
		if (next == null) {
			throw new AssertionError("The downstream server got no request");
		}
		return next;
	}

	/**
	 * Whether no request is recorded now.
	 * @return {@code true} when the server got no request since the last {@link #clear()}
	 */
	boolean receivedNothing() {
		return this.received.isEmpty();
	}

	/**
	 * Forget the requests recorded so far.
	 */
	void clear() {
		this.received.clear();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.received.add(new Received(exchange.getRequestURI().getRawPath(), Map.copyOf(exchange.getRequestHeaders())));
		byte[] body = "<html><body>downstream</body></html>".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/**
	 * A request the downstream server got.
	 * @param path its path
	 * @param headers its headers, by name as the JDK's server normalises them (first letter upper case, rest lower)
	 */
	record Received(String path, Map<String, List<String>> headers) {

		List<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.toList();
		}

	}

}
