package dev.cxp.consent.ledger.jdbc;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Runs a real PostgreSQL server for the tests of a class, from the Debian {@code postgresql} package: a new
 * cluster made by {@code initdb} in a temporary folder, started by {@code pg_ctl} on a free loopback port
 * before the first test, stopped and deleted after the last. PostgreSQL refuses to run as root, so when the
 * tests run as root the server runs as the {@code postgres} user (or {@code nobody}) through {@code runuser}.
 * Where the package is missing the tests are skipped with a message saying why, except with
 * {@code CI=true}, where they fail. Register it with {@code @RegisterExtension} on a static field.
 */
public final class PostgresServerExtension implements BeforeAllCallback, AfterAllCallback {

	private static final String USER = "cxp";

	private static final int START_TIMEOUT_SECONDS = 60;

	private Path bin;

	private Path directory;

	private int port;

	private String runAs;

	private Thread shutdownHook;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		Path found = findBinaries();
		if (found == null) {
			String message = "PostgreSQL's initdb was not found (in /usr/lib/postgresql/<major>/bin or on the PATH): "
					+ "the PostgreSQL tests are skipped (install the postgresql package)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + "; CI=true requires them");
			}
			Assumptions.abort(message);
		}
		this.bin = found;
		this.runAs = "root".equals(System.getProperty("user.name")) ? serviceUser() : null;
		this.directory = Files.createTempDirectory("cxp-postgres");
		if (this.runAs != null) {
			UserPrincipal owner = this.directory.getFileSystem().getUserPrincipalLookupService()
				.lookupPrincipalByName(this.runAs);
			Files.setOwner(this.directory, owner);
		}
		this.port = freePort();
		run(List.of(this.bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER, "--auth=trust",
				"-E", "UTF8", "--no-sync", "--no-instructions"));
		this.shutdownHook = new Thread(this::stopQuietly, "cxp-postgres-test-stop");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (this.directory == null) {
			return;
		}
		stop();
		if (this.shutdownHook != null) {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		try (Stream<Path> paths = Files.walk(this.directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/**
	 * Start the server, on the same port as before when restarted, and wait until it accepts connections.
	 * @throws IOException if it cannot be started
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void start() throws IOException, InterruptedException {
		String options = "-p " + this.port + " -h 127.0.0.1 -k " + this.directory + " -c fsync=off";
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-o", options, "-l",
				this.directory.resolve("postgres.log").toString(), "-w", "-t", Integer.toString(START_TIMEOUT_SECONDS),
				"start"));
	}

	/**
	 * Stop the server (fast shutdown) and wait until it has exited.
	 * @throws IOException if it cannot be stopped
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void stop() throws IOException, InterruptedException {
		if (run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", data().toString(), "status"), true) != 0) {
			return;
		}
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
	}

	/**
	 * The JDBC URL of the server's {@code postgres} database.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/**
	 * The user to connect as, without a password.
	 * @return the user name
	 */
	public String username() {
		return USER;
	}

	/**
	 * Point an application's {@code spring.datasource.*} at this server, for a test's
	 * {@code @DynamicPropertySource}.
	 * @param registry the test's dynamic properties
	 */
	public void registerDataSource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", this::jdbcUrl);
		registry.add("spring.datasource.username", this::username);
		registry.add("spring.datasource.password", () -> "");
	}

	/**
	 * A new data source to the server's {@code postgres} database, with short timeouts.
	 * @return the data source
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl());
		dataSource.setUser(USER);
		dataSource.setConnectTimeout(5);
		dataSource.setSocketTimeout(30);
		return dataSource;
	}

	private Path data() {
		return this.directory.resolve("data");
	}

	private void run(List<String> command) throws IOException, InterruptedException {
		run(command, false);
	}

	private int run(List<String> command, boolean anyExitCode) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (this.runAs != null) {
			full.addAll(List.of("runuser", "-u", this.runAs, "--"));
		}
		full.addAll(command);
		Path output = Files.createTempFile("cxp-postgres-command", ".log");
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(START_TIMEOUT_SECONDS + 30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", command));
			}
			if (process.exitValue() != 0 && !anyExitCode) {
				throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", command)
						+ "\n" + Files.readString(output) + "\n" + serverLog());
			}
			return process.exitValue();
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private String serverLog() {
		try {
			Path log = this.directory.resolve("postgres.log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			return "(no server log)";
		}
	}

	private void stopQuietly() {
		try {
			stop();
		}
		catch (Exception ex) {
			// The JVM is exiting: nothing more can be done.
		}
	}

	/**
	 * The directory of {@code initdb}, {@code pg_ctl} and {@code postgres}: the newest major version under
	 * Debian's {@code /usr/lib/postgresql}, else the {@code PATH}.
	 */
	private static Path findBinaries() throws IOException {
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> majors = Files.list(debian)) {
				Path newest = majors.filter((major) -> major.getFileName().toString().matches("\\d+(\\.\\d+)?"))
					.filter((major) -> Files.isExecutable(major.resolve("bin/initdb")))
					.max(Comparator.comparingDouble((major) -> Double.parseDouble(major.getFileName().toString())))
					.orElse(null);
				if (newest != null) {
					return newest.resolve("bin");
				}
			}
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String entry : path.split(File.pathSeparator)) {
				Path dir = Path.of(entry);
				if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
					return dir;
				}
			}
		}
		return null;
	}

	private static String serviceUser() throws IOException, InterruptedException {
		Process probe = new ProcessBuilder("id", "-u", "postgres").redirectErrorStream(true).start();
		probe.getInputStream().readAllBytes();
		return (probe.waitFor() == 0) ? "postgres" : "nobody";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
