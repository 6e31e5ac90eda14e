package dev.cxp.session.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * Runs a real {@code redis-server} for the tests of a class: on a free loopback port, without persistence,
 * started before the first test and stopped after the last. Tests are skipped, with a message saying why,
 * where {@code redis-server} is not on the {@code PATH}. Register it with {@code @RegisterExtension} on a
 * static field.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

	private int port;

	private Path directory;

	private Process process;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		if (!isOnPath("redis-server")) {
			String message = "redis-server is not on the PATH (install the redis-server package)";
			// In CI a missing server must fail the build, not let the Redis tests pass unseen
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + "; CI=true requires it");
			}
			Assumptions.abort(message + ": the Redis tests are skipped");
		}
		this.port = freePort();
		this.directory = Files.createTempDirectory("redis-test");
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		stop();
		if (this.directory != null) {
			Files.deleteIfExists(this.directory.resolve("redis.log"));
			Files.deleteIfExists(this.directory);
		}
	}

	/**
	 * The port the server listens on, the same across restarts.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Start the server, on the same port as before when restarted, and wait until it answers PING.
	 * @throws IOException if it cannot be started
	 */
	public void start() throws IOException {
		ProcessBuilder builder = new ProcessBuilder("redis-server", "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir",
				this.directory.toString());
		builder.redirectErrorStream(true);
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("redis.log").toFile()));
		this.process = builder.start();
		await("redis-server answering PING on port " + this.port).atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("redis-server exited: " + log());
				}
				return "+PONG".equals(command("PING"));
			});
	}

	/**
	 * Stop the server and wait until it has exited.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void stop() throws InterruptedException {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		this.process = null;
	}

	/**
	 * Stall the server: stop its process ({@code SIGSTOP}), so that connections stay open and commands go
	 * unanswered, as with a server that hangs. Always {@link #resume()} it, in a {@code finally} block.
	 * @throws IOException if the signal cannot be sent
	 * @throws InterruptedException if interrupted while sending it
	 */
	public void suspend() throws IOException, InterruptedException {
		signal("STOP");
	}

	/**
	 * Let a stalled server go on ({@code SIGCONT}): it then answers the commands sent meanwhile.
	 * @throws IOException if the signal cannot be sent
	 * @throws InterruptedException if interrupted while sending it
	 */
	public void resume() throws IOException, InterruptedException {
		signal("CONT");
	}

	private void signal(String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).start();
		if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new IllegalStateException("Could not send SIG" + signal + " to redis-server");
		}
	}

	/**
	 * Send one inline command on a connection of its own and read the first line of the reply, or the
	 * whole bulk reply when the reply is a bulk string.
	 * @param command the command, such as {@code PING} or {@code INFO stats}
	 * @return the reply, or {@code null} when the server cannot be reached
	 */
	public String command(String command) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			String first = readLine(in);
			if (first.startsWith("$")) {
				int length = Integer.parseInt(first.substring(1));
				if (length < 0) {
					return null;
				}
				byte[] body = in.readNBytes(length);
				return new String(body, StandardCharsets.UTF_8);
			}
			return first;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * A numeric field of {@code INFO}, such as {@code total_commands_processed} in section {@code stats}.
	 * @param section the INFO section
	 * @param field the field
	 * @return its value
	 */
	public long info(String section, String field) {
		String info = command("INFO " + section);
		for (String line : info.split("\r\n")) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.substring(field.length() + 1).trim());
			}
		}
		throw new IllegalStateException("No " + field + " in INFO " + section);
	}

	/**
	 * How many times Redis ran a command, from {@code INFO commandstats}.
	 * @param name the command, lower case, such as {@code evalsha}
	 * @return the number of calls, 0 when never called
	 */
	public long calls(String name) {
		String info = command("INFO commandstats");
		String prefix = "cmdstat_" + name + ":calls=";
		for (String line : info.split("\r\n")) {
			if (line.startsWith(prefix)) {
				String rest = line.substring(prefix.length());
				return Long.parseLong(rest.substring(0, rest.indexOf(',')));
			}
		}
		return 0;
	}

	/**
	 * The commands that clients sent while an action ran, one line of {@code MONITOR} output each; commands
	 * that scripts ran inside Redis are left out, so the lines are the round trips clients made.
	 * @param action what to watch
	 * @return the commands clients sent, such as {@code "evalsha" "ab12..." "1" ...}
	 * @throws IOException if the server cannot be monitored
	 */
	public List<String> clientCommands(Runnable action) throws IOException {
		String marker = "monitor-end-" + System.nanoTime();
		List<String> commands = new ArrayList<>();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(5000);
			socket.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			if (!"+OK".equals(readLine(in))) {
				throw new IllegalStateException("MONITOR refused");
			}
			action.run();
			command("ECHO " + marker);
			for (String line = readLine(in); !line.contains(marker); line = readLine(in)) {
				// "+<time> [<db> <client address>] <command>", where the client is "lua" inside a script.
				int open = line.indexOf('[');
				int close = line.indexOf(']');
				if (open >= 0 && close > open && !line.substring(open, close).endsWith(" lua")) {
					commands.add(line.substring(close + 2));
				}
			}
		}
		return commands;
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private String log() {
		try {
			return Files.readString(this.directory.resolve("redis.log"));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static boolean isOnPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, program))) {
				return true;
			}
		}
		return false;
	}

}
