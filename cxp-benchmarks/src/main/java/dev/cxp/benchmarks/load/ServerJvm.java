package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import org.jspecify.annotations.Nullable;

import dev.cxp.benchmarks.user.UserShapedApplication;
import dev.cxp.internal.support.SecureIdGenerator;

/**
 * One JVM of the user-shaped application on a loopback port, started from the benchmarks jar the same way for
 * every variant; its returning visitors, and what it has used so far, read from outside through the JDK's
 * attach mechanism and JMX, with no code in the application.
 */
final class ServerJvm implements AutoCloseable {

	private static final Path BENCHMARKS_JAR = Path.of("cxp-benchmarks", "target", "benchmarks.jar");

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final SecureIdGenerator ids = new SecureIdGenerator();

	private final Variant variant;

	private final int port;

	private final Process process;

	private @Nullable JMXConnector connector;

	private ServerJvm(Variant variant, int port, Process process) {
		this.variant = variant;
		this.port = port;
		this.process = process;
	}

	static ServerJvm start(Variant variant, int port, Path logDirectory) throws IOException {
		if (!Files.isRegularFile(BENCHMARKS_JAR)) {
			throw new IllegalStateException("Build first: mvn -B -q clean package -DskipTests -pl cxp-benchmarks -am");
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xms512m", "-Xmx512m", "-cp", BENCHMARKS_JAR.toString(),
				UserShapedApplication.class.getName(), "--server.address=127.0.0.1", "--server.port=" + port,
				"--spring.main.banner-mode=off", "--logging.level.root=WARN"));
		command.addAll(variant.arguments());
		Files.createDirectories(logDirectory);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logDirectory.resolve(variant.label() + ".log").toFile())
			.start();
		return new ServerJvm(variant, port, process);
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
			this.process.waitFor(200, TimeUnit.MILLISECONDS);
		}
		throw new IllegalStateException(this.variant.label() + " did not start within " + timeout);
	}

	/**
	 * Make returning visitors, each with a first page view, and check them: the starter issues an
	 * {@code _mspi} cookie if and only if it is on, and a returning visitor's cookies bring no new cookie back.
	 * @param pages the two pages of the load
	 * @param count how many visitors
	 * @return each visitor's {@code Cookie} header: what its first page view set, or a made-up {@code _mspi}
	 * cookie where nothing was set, so that every variant receives a visitor cookie
	 */
	List<String> returningVisitors(List<String> pages, int count) throws IOException, InterruptedException {
		List<String> cookies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			List<String> issued = get(pages.get(0), null).headers()
				.allValues("Set-Cookie")
				.stream()
				.map((value) -> value.split(";", 2)[0])
				.toList();
			if (issued.stream().anyMatch((cookie) -> cookie.startsWith("_mspi=")) != this.variant.starterOn()) {
				throw new IllegalStateException(this.variant.label() + ": the starter is not in the expected state");
			}
			String cookie = issued.isEmpty() ? "_mspi=" + ids.visitorId() : String.join("; ", issued);
			HttpResponse<String> returning = get(pages.get(1), cookie);
			if (returning.statusCode() != 200 || returning.headers().firstValue("Set-Cookie").isPresent()) {
				throw new IllegalStateException(this.variant.label() + ": a returning visitor got "
						+ returning.statusCode() + " " + returning.headers().allValues("Set-Cookie"));
			}
			cookies.add(cookie);
		}
		return cookies;
	}

	private HttpResponse<String> get(String path, @Nullable String cookie) throws IOException, InterruptedException {
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
	 * What the JVM has used so far, read over JMX; the first call attaches to the JVM, which starts its local
	 * management agent.
	 */
	Usage usage() throws IOException {
		if (this.connector == null) {
			try {
				VirtualMachine vm = VirtualMachine.attach(Long.toString(this.process.pid()));
				try {
					this.connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
				}
				finally {
					vm.detach();
				}
			}
			catch (AttachNotSupportedException ex) {
				throw new IOException("Cannot attach to " + this.variant.label(), ex);
			}
		}
		MBeanServerConnection connection = this.connector.getMBeanServerConnection();
		ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(connection,
				ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
		OperatingSystemMXBean system = ManagementFactory.newPlatformMXBeanProxy(connection,
				ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, OperatingSystemMXBean.class);
		long bytes = Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
			.filter((value) -> value > 0)
			.sum();
		return new Usage(system.getProcessCpuTime(), bytes);
	}

	/**
	 * What a JVM has used.
	 * @param cpuNanos user plus system CPU time, as the kernel counts it for the process
	 * @param allocatedBytes the bytes allocated by its live threads: a thread that ends takes its bytes with
	 * it, and Tomcat's request threads live as long as the server
	 */
	record Usage(long cpuNanos, long allocatedBytes) {

		Usage minus(Usage earlier) {
			return new Usage(this.cpuNanos - earlier.cpuNanos, this.allocatedBytes - earlier.allocatedBytes);
		}

	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	Variant variant() {
		return this.variant;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.connector != null) {
			try {
				this.connector.close();
			}
			catch (IOException ex) {
				// The JVM is stopped next anyway
			}
		}
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
