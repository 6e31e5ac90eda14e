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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The load benchmark: an application started in one JVM per variant on loopback ports, each warmed up,
 * then driven with the same wrk load in rotated rounds. With {@code --app=sample} (the default) it is the
 * sample app's jar with the starter on, with the starter keeping its sessions in a local Redis (where
 * {@code redis-server} is installed), with the starter off (twice, the second JVM showing the noise floor),
 * and with Spring Session instead; with {@code --app=user} it is the user-shaped application with the
 * starter on (twice), off (twice), off with Spring Session, and off with a hand-written cookie and map.
 * Per round and as medians it prints requests per second, p99 latency, server CPU per request (user plus
 * system time of the server JVM over the requests served) and bytes allocated per request (by the server's
 * threads, read over JMX). With {@code --profile-seconds=N} it then profiles the starter's JVM with
 * async-profiler and prints the top frames of the starter's path. Run from the repository root after
 * building, for example {@code java -cp cxp-benchmarks/target/benchmarks.jar
 * dev.cxp.benchmarks.load.LoadBenchmark [--quick]}.
 */
public final class LoadBenchmark {

	/**
	 * How long each turn of the quiet slices' warm-up drives the pages or the quiet pages.
	 */
	private static final int WARMUP_TURN_SECONDS = 20;

	private LoadBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args {@code --quick} for a short trial; {@code --rounds=N}, {@code --round-seconds=N},
	 * {@code --warmup-seconds=N}, {@code --connections=N}, {@code --visitors=N}, {@code --base-port=N},
	 * {@code --sample-jar=PATH} to change the defaults (ports are consecutive from the base port);
	 * {@code --app=user} for the user-shaped application; {@code --only=LABEL,...} to run some variants;
	 * {@code --profile-seconds=N} to profile the starter's JVM after the rounds ({@code --rounds=0}: only that);
	 * {@code --server-cpus=LIST} and {@code --wrk-cpus=LIST} to pin the servers and wrk to CPUs apart;
	 * {@code --simultaneous} to warm up every variant at once and drive every variant at once in each round;
	 * {@code --paired} to warm up and drive each variant at the same time as one baseline JVM (see
	 * {@link PairedSchedule}), and to profile the starter's and the baseline's JVMs at the same time;
	 * {@code --starter-args=ARG,...} to give the JVMs with the starter on more arguments,
	 * such as {@code --cxp.tracking.exclude-patterns=/**}; {@code --start-together} to start every JVM at once
	 * rather than each once the one before is ready; {@code --jvm-args=OPTION,...} to give every server's JVM
	 * more options, such as {@code -Xbatch}; {@code --sets=N} (with {@code --paired}) to repeat the run N times,
	 * each with new JVMs, and summarise each variant's figure over the sets (with {@code --profile-seconds=N},
	 * each set is also profiled); {@code --quiet-slices} (user-shaped application) to drive every JVM at once in
	 * rounds of two slices, one on the pages and one on quiet pages that the starter and the hand-written
	 * interceptor leave alone, and report each variant's cost of the visitor's path within its own JVM (see
	 * {@link QuietSliceReport})
	 * @throws Exception when a server or wrk fails
	 */
	public static void main(String[] args) throws Exception {
		LoadSettings settings = LoadSettings.parse(args);
		Path work = Path.of("cxp-benchmarks", "target", "load-run");
		String loaderPath = (settings.app() == AppShape.SAMPLE) ? loaderPath() : "";
		long ticksPerSecond = ticksPerSecond();
		System.out.printf(Locale.ROOT, "%s%nclock ticks per second %d, load average before: %s%n", settings,
				ticksPerSecond, loadAverage());
		@Nullable AsyncProfiler profiler = (settings.profileSeconds() > 0) ? AsyncProfiler.extract(work) : null;
		// Frames of inlined code where the profiler samples, as async-profiler recommends; all JVMs alike
		List<String> jvmOptions = new ArrayList<>(settings.jvmOptions());
		if (profiler != null) {
			jvmOptions.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints"));
		}
		List<SampleServer> servers = new CopyOnWriteArrayList<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(LoadBenchmark::stopQuietly)));
		SetSummary paired = new SetSummary(System.out, "median paired difference");
		SetSummary pairedWithoutCompiler = new SetSummary(System.out,
				"median paired difference without the JIT compiler threads");
		SetSummary paths = new SetSummary(System.out,
				"median cost of the visitor's path in its own JVM, net of the baseline's own difference");
		SetSummary quiet = new SetSummary(System.out, "median difference from the baseline JVM on the quiet pages");
		for (int set = 1; set <= settings.sets(); set++) {
			if (settings.sets() > 1) {
				System.out.printf(Locale.ROOT, "set %d of %d, new JVMs (load average %s)%n", set, settings.sets(),
						loadAverage());
			}
			@Nullable RoundsReport report = runSet(settings, work, loaderPath, ticksPerSecond, profiler, jvmOptions,
					servers);
			if (report instanceof LoadReport rounds) {
				paired.add(rounds.pairedMedians());
				pairedWithoutCompiler.add(rounds.pairedMediansWithoutCompiler());
			}
			else if (report instanceof QuietSliceReport slices) {
				paths.add(slices.pathCosts());
				quiet.add(slices.quietCosts());
			}
		}
		if (settings.sets() > 1 && settings.rounds() > 0) {
			if (settings.quietSlices()) {
				paths.print();
				quiet.print();
			}
			else {
				paired.print();
				pairedWithoutCompiler.print();
			}
		}
	}

	/**
	 * One set: start a JVM per variant, warm them up, measure the rounds, profile where asked, and stop them.
	 * @return the report of the rounds, {@code null} when there were none
	 */
	private static @Nullable RoundsReport runSet(LoadSettings settings, Path work, String loaderPath,
			long ticksPerSecond, @Nullable AsyncProfiler profiler, List<String> jvmOptions, List<SampleServer> servers)
			throws Exception {
		List<Variant> variants = settings.variants();
		int redisPort = settings.basePort() + variants.size();
		RedisServer redis = null;
		if (variants.contains(Variant.STARTER_REDIS)) {
			if (RedisServer.isInstalled()) {
				redis = RedisServer.start(redisPort, work);
			}
			else {
				System.out.println("redis-server is not installed: the starter-redis variant is left out");
			}
		}
		try {
			for (int i = 0; i < variants.size(); i++) {
				if (variants.get(i) != Variant.STARTER_REDIS || redis != null) {
					SampleServer server = SampleServer.start(variants.get(i), settings.basePort() + i,
							settings.sampleJar(), loaderPath, work, redisPort, jvmOptions,
							LoadSettings.pinnedTo(settings.serverCpus()), settings.starterArguments());
					servers.add(server);
					if (!settings.startTogether()) {
						// One at a time, as a server starts alone: six JVMs starting at once on two cores compile
						// their code under a contention that no user's server has, and start unlike each other
						server.awaitReady(Duration.ofSeconds(180));
					}
				}
			}
			Map<Variant, Path> quietScripts = new EnumMap<>(Variant.class);
			Map<Variant, Path> scripts = prepare(servers, settings, work, quietScripts);
			Wrk wrk = new Wrk(1, settings.connections(), LoadSettings.pinnedTo(settings.wrkCpus()));
			if (settings.paired()) {
				// Warmed up as they are measured, in pairs: one round of the schedule with slices of the warm-up's length
				System.out.printf(Locale.ROOT, "warming up in pairs, %d s per pair%n", settings.warmupSeconds());
				for (PairedSchedule.Pair pair : PairedSchedule.round(variants(servers), 0)) {
					driveTogether(List.of(server(servers, pair.variant()), server(servers, pair.baseline())), scripts, wrk,
							settings.warmupSeconds());
				}
			}
			else if (settings.quietSlices()) {
				System.out.printf(Locale.ROOT, "warming up every variant at once for %d s, pages and quiet pages in turn%n",
						settings.warmupSeconds());
				for (int done = 0, turn = 0; done < settings.warmupSeconds(); done += WARMUP_TURN_SECONDS, turn++) {
					driveTogether(servers, (turn % 2 == 0) ? scripts : quietScripts, wrk,
							Math.min(WARMUP_TURN_SECONDS, settings.warmupSeconds() - done));
				}
			}
			else if (settings.simultaneous()) {
				// Warmed up as they are measured, together: the JIT's choices follow the load it sees
				System.out.printf(Locale.ROOT, "warming up every variant at once for %d s%n", settings.warmupSeconds());
				driveTogether(servers, scripts, wrk, settings.warmupSeconds());
			}
			else {
				for (SampleServer server : servers) {
					System.out.printf(Locale.ROOT, "warming up %s for %d s%n", server.variant().label(),
							settings.warmupSeconds());
					wrk.run(server.baseUrl(), scripts.get(server.variant()), settings.warmupSeconds());
				}
			}
			@Nullable RoundsReport report = null;
			if (settings.rounds() > 0) {
				report = settings.quietSlices()
						? measureQuietSlices(servers, scripts, quietScripts, wrk, settings, ticksPerSecond)
						: measure(servers, scripts, wrk, settings, ticksPerSecond);
				report.printSummary();
			}
			if (profiler != null) {
				profile(profiler, servers, scripts, wrk, settings, work);
			}
			System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
			return report;
		}
		finally {
			servers.forEach(LoadBenchmark::stopQuietly);
			servers.clear();
			if (redis != null) {
				redis.close();
			}
		}
	}

	/**
	 * Make each server's returning visitors and write its wrk script; with quiet slices, also the script of the
	 * quiet pages, with the same visitors, into {@code quietScripts}.
	 */
	private static Map<Variant, Path> prepare(List<SampleServer> servers, LoadSettings settings, Path work,
			Map<Variant, Path> quietScripts) throws IOException, InterruptedException {
		Map<Variant, Path> scripts = new EnumMap<>(Variant.class);
		for (SampleServer server : servers) {
			server.awaitReady(Duration.ofSeconds(180));
			List<String> cookies = Visitors.returning(server, settings.visitors());
			String name = settings.app().label() + "-" + server.variant().label();
			scripts.put(server.variant(), Wrk.writeScript(work, name, settings.app().pages(), cookies));
			if (settings.quietSlices()) {
				quietScripts.put(server.variant(),
						Wrk.writeScript(work, name + "-quiet", settings.app().quietPages(), cookies));
			}
			// Attach now, so that starting the management agent is not inside a round
			server.allocatedBytes();
		}
		return scripts;
	}

	/**
	 * Rounds in rotated order, so that no variant always runs first or last (machine drift, a busy
	 * neighbour) while every variant sees the same load; or, with {@code --simultaneous}, rounds in which
	 * every variant runs at once.
	 */
	private static LoadReport measure(List<SampleServer> servers, Map<Variant, Path> scripts, Wrk wrk,
			LoadSettings settings, long ticksPerSecond) throws IOException, InterruptedException {
		LoadReport report = new LoadReport(ticksPerSecond, System.out);
		if (settings.paired()) {
			for (int round = 0; round < settings.rounds(); round++) {
				for (PairedSchedule.Pair pair : PairedSchedule.round(variants(servers), round)) {
					measurePair(round + 1, server(servers, pair.variant()), server(servers, pair.baseline()), scripts,
							wrk, settings, report);
				}
			}
			return report;
		}
		if (settings.simultaneous()) {
			for (int round = 0; round < settings.rounds(); round++) {
				measureTogether(round + 1, servers, scripts, wrk, settings, report);
			}
			return report;
		}
		for (int round = 0; round < settings.rounds(); round++) {
			for (int i = 0; i < servers.size(); i++) {
				SampleServer server = servers.get((round + i) % servers.size());
				long bytesBefore = server.allocatedBytes();
				CpuTicks before = server.cpuTicks();
				Wrk.Result result = wrk.run(server.baseUrl(), scripts.get(server.variant()), settings.roundSeconds());
				CpuTicks after = server.cpuTicks();
				long bytesAfter = server.allocatedBytes();
				report.add(round + 1, server.variant(), result, after.minus(before), bytesAfter - bytesBefore,
						loadAverage());
			}
		}
		return report;
	}

	/**
	 * Rounds of two slices, every server driven at once in each: one on the pages, one on the quiet pages, in
	 * turns (pages first in odd rounds, quiet pages first in even ones), so that the machine's drift does not
	 * always fall the same way between them.
	 */
	private static QuietSliceReport measureQuietSlices(List<SampleServer> servers, Map<Variant, Path> scripts,
			Map<Variant, Path> quietScripts, Wrk wrk, LoadSettings settings, long ticksPerSecond)
			throws IOException, InterruptedException {
		QuietSliceReport report = new QuietSliceReport(ticksPerSecond, System.out);
		for (int round = 1; round <= settings.rounds(); round++) {
			boolean pagesFirst = (round % 2 == 1);
			for (boolean pages : List.of(pagesFirst, !pagesFirst)) {
				List<Driven> driven = driveAndMeasure(servers, pages ? scripts : quietScripts, wrk,
						settings.roundSeconds());
				for (int i = 0; i < servers.size(); i++) {
					Driven slice = driven.get(i);
					report.add(round, servers.get(i).variant(), pages, slice.result(), slice.cpuTicks(),
							slice.allocatedBytes(), loadAverage());
				}
			}
		}
		return report;
	}

	/**
	 * One round in which every server is driven at once, each by its own wrk: the speed of a shared virtual
	 * machine changes from one second to the next, by up to a third, and only variants measured over the
	 * same seconds see the same machine.
	 */
	private static void measureTogether(int round, List<SampleServer> servers, Map<Variant, Path> scripts, Wrk wrk,
			LoadSettings settings, LoadReport report) throws IOException, InterruptedException {
		List<Driven> driven = driveAndMeasure(servers, scripts, wrk, settings.roundSeconds());
		for (int i = 0; i < servers.size(); i++) {
			Driven slice = driven.get(i);
			report.add(round, servers.get(i).variant(), slice.result(), slice.cpuTicks(), slice.allocatedBytes(),
					loadAverage());
		}
	}

	/**
	 * What one server did while every server was driven at once.
	 * @param result what its wrk measured
	 * @param cpuTicks its JVM's CPU time over the run
	 * @param allocatedBytes the bytes its threads allocated over the run
	 */
	private record Driven(Wrk.Result result, CpuTicks cpuTicks, long allocatedBytes) {

	}

	/**
	 * Drive every server at once, each by its own wrk, and measure each JVM over the same seconds.
	 * @return what each server did, in the order of the servers
	 */
	private static List<Driven> driveAndMeasure(List<SampleServer> servers, Map<Variant, Path> scripts, Wrk wrk,
			int seconds) throws IOException, InterruptedException {
		int count = servers.size();
		long[] bytesBefore = new long[count];
		CpuTicks[] ticksBefore = new CpuTicks[count];
		for (int i = 0; i < count; i++) {
			bytesBefore[i] = servers.get(i).allocatedBytes();
			ticksBefore[i] = servers.get(i).cpuTicks();
		}
		List<Wrk.Result> results = driveTogether(servers, scripts, wrk, seconds);
		List<Driven> driven = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			SampleServer server = servers.get(i);
			driven.add(new Driven(results.get(i), server.cpuTicks().minus(ticksBefore[i]),
					server.allocatedBytes() - bytesBefore[i]));
		}
		return driven;
	}

	/**
	 * One slice of paired load: a variant and a baseline JVM driven at once, over the same seconds.
	 */
	private static void measurePair(int round, SampleServer server, SampleServer baseline, Map<Variant, Path> scripts,
			Wrk wrk, LoadSettings settings, LoadReport report) throws IOException, InterruptedException {
		long bytesBefore = server.allocatedBytes();
		CpuTicks ticksBefore = server.cpuTicks();
		long baselineBytesBefore = baseline.allocatedBytes();
		CpuTicks baselineTicksBefore = baseline.cpuTicks();
		List<Wrk.Result> results = driveTogether(List.of(server, baseline), scripts, wrk, settings.roundSeconds());
		report.addPair(round, server.variant(), results.get(0), server.cpuTicks().minus(ticksBefore),
				server.allocatedBytes() - bytesBefore, baseline.variant(), results.get(1),
				baseline.cpuTicks().minus(baselineTicksBefore), baseline.allocatedBytes() - baselineBytesBefore,
				loadAverage());
	}

	private static List<Variant> variants(List<SampleServer> servers) {
		return servers.stream().map(SampleServer::variant).toList();
	}

	private static SampleServer server(List<SampleServer> servers, Variant variant) {
		return servers.stream()
			.filter((server) -> server.variant() == variant)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No server for " + variant.label()));
	}

	/**
	 * Drive every server at once, each by its own wrk, for the same seconds.
	 * @return the results, in the order of the servers
	 */
	private static List<Wrk.Result> driveTogether(List<SampleServer> servers, Map<Variant, Path> scripts, Wrk wrk,
			int seconds) throws InterruptedException {
		List<Wrk.Result> results = new ArrayList<>();
		ExecutorService loads = Executors.newFixedThreadPool(servers.size());
		try {
			List<Future<Wrk.Result>> runs = new ArrayList<>();
			for (SampleServer server : servers) {
				runs.add(loads.submit(() -> wrk.run(server.baseUrl(), scripts.get(server.variant()), seconds)));
			}
			for (Future<Wrk.Result> run : runs) {
				results.add(run.get());
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("wrk failed", ex.getCause());
		}
		finally {
			loads.shutdownNow();
		}
		return results;
	}

	/**
	 * Profile the starter's JVM, and the baseline's and the hand-written limit's where they run, under the same
	 * load with async-profiler: CPU samples for one run, then allocation samples for another, each written as
	 * collapsed stacks and summarised, the starter's and the limit's against the baseline's. One JVM after the
	 * other, or with {@code --paired} all at once, driven together, so that their differences are taken over
	 * the same seconds of the machine.
	 */
	private static void profile(AsyncProfiler profiler, List<SampleServer> servers, Map<Variant, Path> scripts,
			Wrk wrk, LoadSettings settings, Path work) throws IOException, InterruptedException {
		List<SampleServer> profiled = new ArrayList<>();
		for (Variant.Role role : List.of(Variant.Role.STARTER, Variant.Role.BASELINE, Variant.Role.HAND_WRITTEN)) {
			servers.stream().filter((server) -> server.variant().role() == role).findFirst().ifPresent(profiled::add);
		}
		if (profiled.isEmpty() || profiled.get(0).variant().role() != Variant.Role.STARTER) {
			throw new IllegalStateException("Profiling needs the starter variant");
		}
		List<List<SampleServer>> groups = settings.paired() ? List.of(profiled)
				: profiled.stream().map(List::of).toList();
		Map<Variant.Role, ProfileSummary> cpu = new EnumMap<>(Variant.Role.class);
		Map<Variant.Role, ProfileSummary> allocation = new EnumMap<>(Variant.Role.class);
		for (List<SampleServer> group : groups) {
			System.out.printf(Locale.ROOT, "profiling %s: CPU for %d s, then allocation for %d s (load average %s)%n",
					group.stream().map((server) -> server.variant().label()).toList(), settings.profileSeconds(),
					settings.profileSeconds(), loadAverage());
			profileRun(profiler, group, "cpu", scripts, wrk, settings, work, cpu);
			profileRun(profiler, group, "alloc", scripts, wrk, settings, work, allocation);
		}
		printProfiles(cpu, allocation, Variant.Role.STARTER, "the starter's JVM", "starter path");
		if (cpu.containsKey(Variant.Role.HAND_WRITTEN)) {
			printProfiles(cpu, allocation, Variant.Role.HAND_WRITTEN, "the hand-written limit's JVM",
					"hand-written interceptor");
		}
	}

	private static void printProfiles(Map<Variant.Role, ProfileSummary> cpu,
			Map<Variant.Role, ProfileSummary> allocation, Variant.Role role, String jvm, String path) {
		cpu.get(role).print("CPU profile of " + jvm, path, "µs", 25);
		if (cpu.containsKey(Variant.Role.BASELINE)) {
			cpu.get(role).printGrowthOver(cpu.get(Variant.Role.BASELINE), "µs", 25);
		}
		allocation.get(role).print("Allocation profile of " + jvm, path, "B", 25);
		if (allocation.containsKey(Variant.Role.BASELINE)) {
			allocation.get(role).printGrowthOver(allocation.get(Variant.Role.BASELINE), "B", 25);
		}
	}

	/**
	 * One profiling run of a group of JVMs driven together: each JVM's stacks are written and summarised over
	 * the requests it served.
	 */
	private static void profileRun(AsyncProfiler profiler, List<SampleServer> group, String event,
			Map<Variant, Path> scripts, Wrk wrk, LoadSettings settings, Path work,
			Map<Variant.Role, ProfileSummary> summaries) throws IOException, InterruptedException {
		for (SampleServer server : group) {
			profiler.start(server, event);
		}
		List<Wrk.Result> results = driveTogether(group, scripts, wrk, settings.profileSeconds());
		boolean cpu = "cpu".equals(event);
		for (int i = 0; i < group.size(); i++) {
			SampleServer server = group.get(i);
			Path file = work.resolve("profile-" + settings.app().label() + "-" + server.variant().label() + "-" + event
					+ ".collapsed");
			profiler.stop(server, file, !cpu);
			long requests = results.get(i).requests();
			System.out.printf(Locale.ROOT, "  %s: %d requests, load average %s; stacks in %s%n",
					server.variant().label(), requests, loadAverage(), file);
			summaries.put(server.variant().role(),
					ProfileSummary.read(file, cpu ? AsyncProfiler.CPU_INTERVAL_MICROS : 1, requests));
		}
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
