package dev.cxp.session.redis;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

import static org.awaitility.Awaitility.await;

/**
 * Real Redis servers of a topology, started by a test on free loopback ports and stopped when it closes them:
 * servers with any options (replicas, ACL users, cluster mode, TLS), Sentinels, and clusters made of servers.
 * Tests are skipped, with a message saying why, where {@code redis-server} is not on the {@code PATH}.
 */
public final class RedisNodes implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

	private final Path directory;

	private final Map<Integer, Process> processes = new LinkedHashMap<>();

	private RedisNodes(Path directory) {
		this.directory = directory;
	}

	/**
	 * Prepare a set of servers, none started yet.
	 * @return the servers
	 * @throws IOException if their directory cannot be made
	 */
	public static RedisNodes create() throws IOException {
		if (!isOnPath("redis-server") || !isOnPath("redis-cli")) {
			String message = "redis-server or redis-cli is not on the PATH (install the redis-server package)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + "; CI=true requires it");
			}
			Assumptions.abort(message + ": the Redis topology tests are skipped");
		}
		return new RedisNodes(Files.createTempDirectory("redis-nodes"));
	}

	/**
	 * The directory of the servers' files, where a test may put certificates.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Start a server without persistence, which serves a replica at once, and wait until it answers.
	 * @param options more options, as on the command line, such as {@code --replicaof 127.0.0.1 6379}
	 * @return its port
	 * @throws IOException if it cannot be started
	 */
	public int server(String... options) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString(), "--dbfilename",
				"dump-" + port + ".rdb", "--repl-diskless-sync-delay", "0"));
		command.addAll(List.of(options));
		Process process = start(port, command, "redis-" + port);
		awaitAnswer(process, port, () -> command(port, "PING"));
		return port;
	}

	/**
	 * Stop a server or Sentinel, as a crash would, and wait until it has exited.
	 * @param port its port
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void kill(int port) throws InterruptedException {
		Process process = this.processes.remove(port);
		if (process == null) {
			throw new IllegalArgumentException("Nothing was started on port " + port);
		}
		process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	/**
	 * Start a server that speaks only TLS, with the given certificate, and wait until it answers.
	 * @param certificate the server's certificate, also the CA clients trust
	 * @param key the certificate's private key
	 * @return its TLS port
	 * @throws IOException if it cannot be started
	 */
	public int tlsServer(Path certificate, Path key) throws IOException {
		int port = freePort();
		List<String> command = List.of("redis-server", "--port", "0", "--tls-port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString(), "--tls-cert-file",
				certificate.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file", certificate.toString(),
				"--tls-auth-clients", "no");
		Process process = start(port, command, "redis-tls-" + port);
		awaitAnswer(process, port, () -> tlsCommand(port, certificate, "PING"));
		return port;
	}

	/**
	 * Start a Sentinel that monitors one master, with a quorum of one, and wait until it answers.
	 * @param masterName the name of the master
	 * @param masterPort the master's port
	 * @return the Sentinel's port
	 * @throws IOException if it cannot be started
	 */
	public int sentinel(String masterName, int masterPort) throws IOException {
		int port = freePort();
		Path configuration = this.directory.resolve("sentinel-" + port + ".conf");
		Files.writeString(configuration, String.join("\n", "port " + port, "bind 127.0.0.1",
				"dir " + this.directory, "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 1",
				"sentinel down-after-milliseconds " + masterName + " 1000",
				"sentinel failover-timeout " + masterName + " 10000", ""));
		Process process = start(port, List.of("redis-server", configuration.toString(), "--sentinel"),
				"sentinel-" + port);
		awaitAnswer(process, port, () -> command(port, "PING"));
		return port;
	}

	/**
	 * Make a cluster of servers started in cluster mode, without replicas, and wait until every one of them
	 * reports it healthy.
	 * @param ports the servers' ports
	 * @throws IOException if {@code redis-cli} cannot be run
	 * @throws InterruptedException if interrupted while it runs
	 */
	public void createCluster(int... ports) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
		for (int port : ports) {
			command.add("127.0.0.1:" + port);
		}
		command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		Process create = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("cluster-create.log").toFile())
			.start();
		if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
			throw new IllegalStateException("redis-cli --cluster create failed: "
					+ Files.readString(this.directory.resolve("cluster-create.log")));
		}
		for (int port : ports) {
			await("cluster healthy on " + port).atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> String.valueOf(command(port, "CLUSTER", "INFO")).contains("cluster_state:ok"));
		}
	}

	/**
	 * Send one command on a connection of its own.
	 * @param port the server's port
	 * @param arguments the command and its arguments
	 * @return the reply: a status, error or integer line as sent ({@code +OK}, {@code -ERR ...},
	 * {@code :1}), the content of a bulk string, the elements of an array on lines of their own, or
	 * {@code null} for a null reply
	 */
	public @Nullable String command(int port, String... arguments) {
		return commandAs(port, null, null, arguments);
	}

	/**
	 * Send one command on a connection of its own, authenticated as an ACL user.
	 * @param port the server's port
	 * @param user the user, {@code null} for none
	 * @param password the password, {@code null} for none
	 * @param arguments the command and its arguments
	 * @return the reply, as for {@link #command(int, String...)}
	 */
	public @Nullable String commandAs(int port, @Nullable String user, @Nullable String password,
			String... arguments) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			if (user != null && password != null) {
				write(out, "AUTH", user, password);
				String reply = read(in);
				if (!"+OK".equals(reply)) {
					throw new IllegalStateException("AUTH refused: " + reply);
				}
			}
			write(out, arguments);
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No answer from port " + port, ex);
		}
	}

	/**
	 * Send one command to a TLS server with {@code redis-cli}.
	 * @param port the server's TLS port
	 * @param certificate the certificate to trust
	 * @param arguments the command and its arguments
	 * @return what {@code redis-cli} printed, trimmed
	 */
	public String tlsCommand(int port, Path certificate, String... arguments) {
		List<String> command = new ArrayList<>(List.of("redis-cli", "--tls", "--cacert", certificate.toString(), "-h",
				"127.0.0.1", "-p", Integer.toString(port)));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			return output.trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stop every server and Sentinel and delete their files.
	 * @throws Exception if they cannot be stopped
	 */
	@Override
	public void close() throws Exception {
		for (Process process : this.processes.values()) {
			process.destroy();
		}
		for (Process process : this.processes.values()) {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	private Process start(int port, List<String> command, String name) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve(name + ".log").toFile()))
			.start();
		this.processes.put(port, process);
		return process;
	}

	private void awaitAnswer(Process process, int port, Callable<@Nullable String> ping) {
		await("Redis answering on port " + port).atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(20))
			.ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("Redis on port " + port + " exited; see " + this.directory);
				}
				String reply = ping.call();
				// A server whose default user is off answers too, asking for authentication
				return reply != null && (reply.contains("PONG") || reply.startsWith("-NOAUTH"));
			});
	}

	private static void write(OutputStream out, String... arguments) throws IOException {
		ByteArrayOutputStream command = new ByteArrayOutputStream();
		command.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.UTF_8));
		for (String argument : arguments) {
			byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
			command.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
			command.writeBytes(bytes);
			command.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.write(command.toByteArray());
		out.flush();
	}

	private static @Nullable String read(InputStream in) throws IOException {
		String line = readLine(in);
		switch (line.charAt(0)) {
			case '$' -> {
				int length = Integer.parseInt(line.substring(1));
				if (length < 0) {
					return null;
				}
				String content = new String(in.readNBytes(length), StandardCharsets.UTF_8);
				readLine(in);
				return content;
			}
			case '*' -> {
				int count = Integer.parseInt(line.substring(1));
				if (count < 0) {
					return null;
				}
				List<String> elements = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					elements.add(String.valueOf(read(in)));
				}
				return String.join("\n", elements);
			}
			default -> {
				return line;
			}
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		if (c == -1 && line.isEmpty()) {
			throw new IOException("Connection closed");
		}
		return line.toString();
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
