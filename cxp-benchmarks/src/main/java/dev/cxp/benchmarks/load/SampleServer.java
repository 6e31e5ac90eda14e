package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One JVM of an application on a loopback port, and its CPU time as the kernel counts it: the sample app
 * started from its jar with Spring Boot's {@code PropertiesLauncher}, or the user-shaped application from
 * the benchmarks jar (the same way for every variant of a shape).
 */
final class SampleServer implements AutoCloseable {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * The shaded benchmarks jar, which also holds the user-shaped application.
	 */
	static final Path BENCHMARKS_JAR = Path.of("cxp-benchmarks", "target", "benchmarks.jar");

	private final Variant variant;

	private final int port;

	private final Process process;

	private @Nullable ServerProbe probe;

	private final Path procDirectory;

	private final CompilerThreadTicks compilerThreads;

	private SampleServer(Variant variant, int port, Process process) {
		this.variant = variant;
		this.port = port;
		this.process = process;
		this.procDirectory = Path.of("/proc", Long.toString(process.pid()));
		this.compilerThreads = new CompilerThreadTicks(this.procDirectory.resolve("task"));
	}

	static SampleServer start(Variant variant, int port, Path sampleJar, String loaderPath, Path logDirectory,
			int redisPort, List<String> jvmOptions, List<String> pinning, List<String> starterArguments)
			throws IOException {
		List<String> command = new ArrayList<>(pinning);
		command.addAll(List.of(javaExecutable(), "-Xms512m", "-Xmx512m"));
		command.addAll(jvmOptions);
		if (variant.shape() == AppShape.USER) {
			command.addAll(List.of("-cp", BENCHMARKS_JAR.toString(), "dev.cxp.benchmarks.user.UserShapedApplication"));
		}
		else {
			command.addAll(List.of("-Dloader.path=" + loaderPath, "-Dloader.main=dev.cxp.sample.SampleApplication",
					"-cp", sampleJar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
		}
		command.addAll(List.of("--server.address=127.0.0.1", "--server.port=" + port, "--spring.main.banner-mode=off",
				"--logging.level.root=WARN"));
		command.addAll(variant.arguments());
		if (variant.role().starterOn()) {
			command.addAll(starterArguments);
		}
		if (variant == Variant.STARTER_REDIS) {
			command.add("--spring.data.redis.port=" + redisPort);
		}
		Files.createDirectories(logDirectory);
		Path log = logDirectory.resolve(variant.shape().label() + "-" + variant.label() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new SampleServer(variant, port, process);
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.variant.label() + " exited with " + this.process.exitValue());
			}
			try {
				HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build();
				if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet
			}
			this.process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		throw new IllegalStateException(this.variant.label() + " did not start within " + timeout);
	}

	HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Accept", "text/html")
			.header("Sec-Fetch-Dest", "document")
			.timeout(Duration.ofSeconds(5));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * User and system CPU time of the server JVM so far, in clock ticks, from {@code /proc/<pid>/stat}, with
	 * the share of its JIT compiler threads from their own {@code stat}.
	 */
	CpuTicks cpuTicks() throws IOException {
		CpuTicks ticks = CpuTicks.parse(Files.readString(this.procDirectory.resolve("stat")));
		return new CpuTicks(ticks.user(), ticks.system(), this.compilerThreads.read());
	}

	/**
	 * What the server's threads have allocated so far, in bytes; the first call attaches to the JVM.
	 */
	long allocatedBytes() throws IOException {
		return probe().allocatedBytes();
	}

	ServerProbe probe() throws IOException {
		if (this.probe == null) {
			this.probe = ServerProbe.attach(this.process.pid());
		}
		return this.probe;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	Variant variant() {
		return this.variant;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.probe != null) {
			try {
				this.probe.close();
			}
			catch (IOException ex) {
				// The server is stopped next anyway
			}
		}
		this.process.destroy();
		if (!this.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
