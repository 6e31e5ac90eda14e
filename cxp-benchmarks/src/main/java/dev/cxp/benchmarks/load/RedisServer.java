package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} on a loopback port, without persistence, for the load benchmark's Redis variant.
 */
final class RedisServer implements AutoCloseable {

	private final int port;

	private final Process process;

	private RedisServer(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/**
	 * Whether {@code redis-server} is on the path.
	 * @return {@code true} when it can be started
	 */
	static boolean isInstalled() {
		String path = System.getenv("PATH");
		return path != null && List.of(path.split(":")).stream()
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, "redis-server")));
	}

	static RedisServer start(int port, Path logDirectory) throws IOException, InterruptedException {
		Files.createDirectories(logDirectory);
		Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--daemonize", "no")
			.redirectErrorStream(true)
			.redirectOutput(logDirectory.resolve("redis.log").toFile())
			.start();
		RedisServer server = new RedisServer(port, process);
		server.awaitPong(Duration.ofSeconds(10));
		return server;
	}

	int port() {
		return this.port;
	}

	private void awaitPong(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
				OutputStream out = socket.getOutputStream();
				out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				InputStream in = socket.getInputStream();
				byte[] answer = new byte[7];
				if (in.readNBytes(answer, 0, 7) == 7 && new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			this.process.waitFor(100, TimeUnit.MILLISECONDS);
		}
		throw new IllegalStateException("redis-server did not answer on port " + this.port);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
