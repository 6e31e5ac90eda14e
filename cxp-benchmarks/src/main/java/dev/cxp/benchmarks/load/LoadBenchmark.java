package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The load benchmark: the sample app's jar started on loopback ports with the starter on, with the
 * starter keeping its sessions in a local Redis (where {@code redis-server} is installed), with the
 * starter off (twice, the second JVM showing the noise floor), and with Spring Session instead, each
 * warmed up, then driven with the same wrk load in rotated
 * rounds. Per round and as medians it prints requests per second, p99 latency and server CPU per request
 * (user plus system time of the server JVM over the requests served). Run from the repository root after
 * building, for example {@code java -cp cxp-benchmarks/target/benchmarks.jar
 * dev.cxp.benchmarks.load.LoadBenchmark [--quick]}.
 */
public final class LoadBenchmark {

	private LoadBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args {@code --quick} for a short trial; {@code --rounds=N}, {@code --round-seconds=N},
	 * {@code --warmup-seconds=N}, {@code --connections=N}, {@code --visitors=N}, {@code --base-port=N},
	 * {@code --sample-jar=PATH} to change the defaults (ports are consecutive from the base port)
	 * @throws Exception when a server or wrk fails
	 */
	public static void main(String[] args) throws Exception {
		LoadSettings settings = LoadSettings.parse(args);
		Path work = Path.of("cxp-benchmarks", "target", "load-run");
		String loaderPath = loaderPath();
		long ticksPerSecond = ticksPerSecond();
		System.out.printf(Locale.ROOT, "%s%nclock ticks per second %d, load average before: %s%n", settings,
				ticksPerSecond, loadAverage());
		List<SampleServer> servers = new ArrayList<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(LoadBenchmark::stopQuietly)));
		Variant[] variants = Variant.values();
		int redisPort = settings.basePort() + variants.length;
		RedisServer redis = null;
		if (RedisServer.isInstalled()) {
			redis = RedisServer.start(redisPort, work);
		}
		else {
			System.out.println("redis-server is not installed: the starter-redis variant is left out");
		}
		try {
			for (int i = 0; i < variants.length; i++) {
				if (variants[i] != Variant.STARTER_REDIS || redis != null) {
					servers.add(SampleServer.start(variants[i], settings.basePort() + i, settings.sampleJar(),
							loaderPath, work, redisPort));
				}
			}
			Map<Variant, Path> scripts = prepare(servers, settings, work);
			Wrk wrk = new Wrk(1, settings.connections());
			for (SampleServer server : servers) {
				System.out.printf(Locale.ROOT, "warming up %s for %d s%n", server.variant().label(),
						settings.warmupSeconds());
				wrk.run(server.baseUrl(), scripts.get(server.variant()), settings.warmupSeconds());
			}
			measure(servers, scripts, wrk, settings, ticksPerSecond).printSummary();
			System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
		}
		finally {
			servers.forEach(LoadBenchmark::stopQuietly);
			if (redis != null) {
				redis.close();
			}
		}
	}

	private static Map<Variant, Path> prepare(List<SampleServer> servers, LoadSettings settings, Path work)
			throws IOException, InterruptedException {
		Map<Variant, Path> scripts = new EnumMap<>(Variant.class);
		for (SampleServer server : servers) {
			server.awaitReady(Duration.ofSeconds(180));
			List<String> cookies = Visitors.returning(server, settings.visitors());
			scripts.put(server.variant(), Wrk.writeScript(work, server.variant().label(), cookies));
		}
		return scripts;
	}

	/**
	 * Rounds in rotated order, so that no variant always runs first or last (machine drift, a busy
	 * neighbour) while every variant sees the same load.
	 */
	private static LoadReport measure(List<SampleServer> servers, Map<Variant, Path> scripts, Wrk wrk,
			LoadSettings settings, long ticksPerSecond) throws IOException, InterruptedException {
		LoadReport report = new LoadReport(ticksPerSecond);
		for (int round = 0; round < settings.rounds(); round++) {
			for (int i = 0; i < servers.size(); i++) {
				SampleServer server = servers.get((round + i) % servers.size());
				long before = server.cpuTicks();
				Wrk.Result result = wrk.run(server.baseUrl(), scripts.get(server.variant()), settings.roundSeconds());
				long after = server.cpuTicks();
				report.add(round + 1, server.variant(), result, after - before, loadAverage());
			}
		}
		return report;
	}

	private static void stopQuietly(SampleServer server) {
		try {
			server.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Spring Session and the variant's configuration class, added to the sample app by the
	 * {@code PropertiesLauncher}; every variant gets the same class path.
	 */
	private static String loaderPath() throws IOException {
		Path target = Path.of("cxp-benchmarks", "target");
		List<Path> jars = new ArrayList<>();
		try (Stream<Path> lib = Files.list(target.resolve("load-lib"));
				Stream<Path> own = Files.list(target)) {
			lib.filter((path) -> path.toString().endsWith(".jar")).forEach(jars::add);
			own.filter((path) -> path.getFileName().toString().matches("cxp-benchmarks-.*\\.jar")).forEach(jars::add);
		}
		if (jars.size() < 2) {
			throw new IllegalStateException("Build first: mvn -B -q package -DskipTests -pl cxp-benchmarks -am");
		}
		return String.join(",", jars.stream().map((path) -> path.toAbsolutePath().toString()).toList());
	}

	private static long ticksPerSecond() throws IOException, InterruptedException {
		Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
		String value = new String(getconf.getInputStream().readAllBytes()).trim();
		getconf.waitFor();
		return Long.parseLong(value);
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
