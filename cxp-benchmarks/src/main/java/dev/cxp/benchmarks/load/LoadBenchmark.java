package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The load comparison: the user-shaped application in one JVM per {@link Variant} on loopback ports (the
 * disabled app twice, the starter, Spring Session and the hand-written limit), each started alone, given its
 * returning visitors and warmed up, then driven by wrk for the same time in rotated rounds, so that no
 * variant always runs first or last. It prints each JVM's CPU per request (the process's user plus system
 * time) and bytes allocated per request (by its threads) in each round, and the summary of {@link LoadReport}.
 * Run from the repository root after building, for example
 * {@code java -cp cxp-benchmarks/target/benchmarks.jar dev.cxp.benchmarks.load.LoadBenchmark [--quick]}.
 */
public final class LoadBenchmark {

	/**
	 * The user-shaped application's two pages, which the load alternates between.
	 */
	private static final List<String> PAGES = List.of("/", "/about");

	/**
	 * How many returning visitors the load rotates through.
	 */
	private static final int VISITORS = 100;

	private LoadBenchmark() {
	}

	/**
	 * Run the comparison.
	 * @param args {@code --quick} for a short trial; {@code --rounds=N}, {@code --round-seconds=N},
	 * {@code --warmup-seconds=N}, {@code --base-port=N} (ports are consecutive from it) and
	 * {@code --noise-floor=PERCENT} to change the defaults
	 * @throws Exception when a server or wrk fails
	 */
	public static void main(String[] args) throws Exception {
		LoadSettings settings = LoadSettings.parse(args);
		Path work = Path.of("cxp-benchmarks", "target", "load-run");
		LoadReport report = new LoadReport(settings.noiseFloorPercent(), System.out);
		System.out.printf(Locale.ROOT, "%s%nload average before: %s%n", settings, loadAverage());
		List<ServerJvm> servers = new CopyOnWriteArrayList<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(LoadBenchmark::stopQuietly)));
		try {
			for (Variant variant : Variant.values()) {
				ServerJvm server = ServerJvm.start(variant, settings.basePort() + variant.ordinal(), work);
				servers.add(server);
				// One at a time, as a server starts alone: JVMs starting together on two cores compile their code
				// under a contention that no user's server has
				server.awaitReady(Duration.ofSeconds(180));
			}
			Map<Variant, Path> scripts = new EnumMap<>(Variant.class);
			for (ServerJvm server : servers) {
				List<String> cookies = server.returningVisitors(PAGES, VISITORS);
				scripts.put(server.variant(), Wrk.writeScript(work, server.variant().label(), PAGES, cookies));
				// Attach now, so that starting the management agent is not inside a round
				server.usage();
				System.out.printf(Locale.ROOT, "warming up %s for %d s%n", server.variant().label(),
						settings.warmupSeconds());
				Wrk.run(server.baseUrl(), scripts.get(server.variant()), settings.warmupSeconds());
			}
			for (int round = 0; round < settings.rounds(); round++) {
				System.out.printf(Locale.ROOT, "round %d, load average %s%n", round + 1, loadAverage());
				for (int i = 0; i < servers.size(); i++) {
					ServerJvm server = servers.get((round + i) % servers.size());
					ServerJvm.Usage before = server.usage();
					Wrk.Result result = Wrk.run(server.baseUrl(), scripts.get(server.variant()),
							settings.roundSeconds());
					report.add(server.variant(), result, server.usage().minus(before));
				}
			}
			report.printSummary();
			System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
		}
		finally {
			servers.forEach(LoadBenchmark::stopQuietly);
			servers.clear();
		}
	}

	private static void stopQuietly(ServerJvm server) {
		try {
			server.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
