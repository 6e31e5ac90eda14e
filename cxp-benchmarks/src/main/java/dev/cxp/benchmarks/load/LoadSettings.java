package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The load benchmark's settings, from its command line.
 *
 * @param rounds how many rotated rounds to measure
 * @param roundSeconds how long each variant is driven in a round
 * @param warmupSeconds how long each JVM is warmed up before the rounds
 * @param connections how many keep-alive connections wrk holds
 * @param visitors how many returning visitors the load rotates through
 * @param basePort the first of consecutive loopback ports, one per variant
 * @param sampleJar the sample app's executable jar
 * @param app the application the variants run
 * @param only the labels of the variants to run, all of the application's when empty
 * @param profileSeconds how long to profile the starter's JVM under load after the rounds (CPU, then
 * allocation), none when zero
 * @param serverCpus the CPUs the servers' JVMs are pinned to ({@code taskset -c} list), none when empty
 * @param wrkCpus the CPUs wrk is pinned to, none when empty
 * @param simultaneous whether the warm-up and each round drive every variant at the same time, each with its
 * own wrk, rather than one after the other
 * @param paired whether the warm-up and each round drive the variants in pairs, each variant at the same
 * time as one baseline JVM (see {@link PairedSchedule}), and the profile takes the starter's and the baseline's
 * JVMs at the same time
 * @param starterArguments more arguments for the JVMs with the starter on, to measure a setting of the starter
 * @param startTogether whether every JVM is started at once, rather than each once the one before is ready
 * @param jvmOptions more options for every server's JVM, alike for all variants, to measure under a setting
 * of the JVM
 * @param sets how many times the whole run is repeated, each time with new JVMs, to take the JVM-to-JVM
 * difference into the figures (paired rounds or quiet slices only)
 * @param quietSlices whether each round drives every JVM at once twice, once on the application's pages and once
 * on its quiet pages (which the starter and the hand-written interceptor leave alone), so that each variant's
 * cost of the visitor's path is taken within one JVM, where the JVM-to-JVM difference cannot reach it (the
 * user-shaped application only; the starter's base path is moved to the quiet pages' path)
 */
record LoadSettings(int rounds, int roundSeconds, int warmupSeconds, int connections, int visitors, int basePort,
		Path sampleJar, AppShape app, List<String> only, int profileSeconds, String serverCpus, String wrkCpus,
		boolean simultaneous, boolean paired, List<String> starterArguments, boolean startTogether,
		List<String> jvmOptions, int sets, boolean quietSlices) {

	static LoadSettings parse(String[] args) throws IOException {
		boolean quick = Stream.of(args).anyMatch("--quick"::equals);
		int rounds = intArgument(args, "rounds", quick ? 2 : 6);
		int roundSeconds = intArgument(args, "round-seconds", quick ? 5 : 20);
		int warmupSeconds = intArgument(args, "warmup-seconds", quick ? 10 : 45);
		int connections = intArgument(args, "connections", 16);
		int visitors = intArgument(args, "visitors", 100);
		int basePort = intArgument(args, "base-port", 18081);
		String jar = argument(args, "sample-jar");
		AppShape app = AppShape.of(Objects.requireNonNullElse(argument(args, "app"), AppShape.SAMPLE.label()));
		String only = argument(args, "only");
		int profileSeconds = intArgument(args, "profile-seconds", 0);
		String serverCpus = Objects.requireNonNullElse(argument(args, "server-cpus"), "");
		String wrkCpus = Objects.requireNonNullElse(argument(args, "wrk-cpus"), "");
		boolean simultaneous = Stream.of(args).anyMatch("--simultaneous"::equals);
		boolean paired = Stream.of(args).anyMatch("--paired"::equals);
		String starterArguments = argument(args, "starter-args");
		String jvmOptions = argument(args, "jvm-args");
		int sets = intArgument(args, "sets", 1);
		boolean quietSlices = Stream.of(args).anyMatch("--quiet-slices"::equals);
		if (simultaneous && paired) {
			throw new IllegalArgumentException("--simultaneous and --paired are two ways of driving the rounds: choose one");
		}
		if (sets < 1 || (sets > 1 && !paired && !quietSlices)) {
			throw new IllegalArgumentException(
					"--sets=N takes a positive N, and more than one set needs --paired or --quiet-slices");
		}
		if (quietSlices && (app != AppShape.USER || simultaneous || paired)) {
			throw new IllegalArgumentException(
					"--quiet-slices drives every JVM at once, of the user-shaped application (--app=user), "
							+ "without --simultaneous or --paired");
		}
		List<String> starterArgumentList = new ArrayList<>(commaSeparated(starterArguments));
		if (quietSlices) {
			starterArgumentList.add("--cxp.web.base-path=" + AppShape.QUIET_BASE_PATH);
		}
		return new LoadSettings(rounds, roundSeconds, warmupSeconds, connections, visitors, basePort,
				(jar != null || app != AppShape.SAMPLE) ? Path.of(Objects.requireNonNullElse(jar, "")) : findSampleJar(),
				app, (only != null) ? List.of(only.split(",")) : List.of(), profileSeconds, serverCpus, wrkCpus,
				simultaneous, paired, List.copyOf(starterArgumentList),
				Stream.of(args).anyMatch("--start-together"::equals), commaSeparated(jvmOptions), sets, quietSlices);
	}

	/**
	 * The command prefix that pins a process to CPUs. {@code taskset} executes the command in its own
	 * process, so the pid the benchmark reads is the pinned program's.
	 * @param cpus a {@code taskset -c} list, such as {@code 1} or {@code 0-1}, or empty for no pinning
	 * @return the prefix, empty for no pinning
	 */
	static List<String> pinnedTo(String cpus) {
		return cpus.isEmpty() ? List.of() : List.of("taskset", "-c", cpus);
	}

	/**
	 * The variants to run, in their declared order.
	 * @return the application's variants, less those left out with {@code --only}
	 */
	List<Variant> variants() {
		return Variant.of(this.app)
			.stream()
			.filter((variant) -> this.only.isEmpty() || this.only.contains(variant.label()))
			.toList();
	}

	private static Path findSampleJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("cxp-sample-app", "target"))) {
			return files.filter((path) -> path.getFileName().toString().matches("cxp-sample-app-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"Build first: mvn -B -q package -DskipTests -pl cxp-sample-app -am"));
		}
	}

	private static List<String> commaSeparated(@Nullable String value) {
		return (value != null) ? List.of(value.split(",")) : List.of();
	}

	private static int intArgument(String[] args, String name, int defaultValue) {
		String value = argument(args, name);
		return (value != null) ? Integer.parseInt(value) : defaultValue;
	}

	private static @Nullable String argument(String[] args, String name) {
		String prefix = "--" + name + "=";
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				return arg.substring(prefix.length());
			}
		}
		return null;
	}

}
