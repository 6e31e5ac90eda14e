package dev.cxp.benchmarks.load;

import java.util.List;
import java.util.stream.Stream;

/**
 * The load comparison's settings, from its command line.
 *
 * @param rounds how many rotated rounds to measure
 * @param roundSeconds how long each JVM is driven in a round
 * @param warmupSeconds how long each JVM is driven before the rounds
 * @param basePort the first of five consecutive loopback ports, one per variant
 * @param noiseFloorPercent the smallest CPU difference between two JVMs of identical code that the report takes
 * as the noise floor, whatever the run's own A/A pair measures
 */
record LoadSettings(int rounds, int roundSeconds, int warmupSeconds, int basePort, int noiseFloorPercent) {

	private static final List<String> NAMES = List.of("rounds", "round-seconds", "warmup-seconds", "base-port",
			"noise-floor");

	LoadSettings {
		if (rounds < 1 || roundSeconds < 1 || warmupSeconds < 1 || noiseFloorPercent < 0) {
			throw new IllegalArgumentException("Rounds and seconds must be at least 1, the noise floor at least 0");
		}
	}

	/**
	 * Read the settings: {@code --quick} for a short trial, {@code --name=N} to change one of the defaults.
	 * @param args the command line
	 * @return the settings
	 * @throws IllegalArgumentException for an argument the comparison does not know or a value out of range
	 */
	static LoadSettings parse(String[] args) {
		for (String arg : args) {
			if (!arg.equals("--quick") && !(arg.startsWith("--") && arg.contains("=")
					&& NAMES.contains(arg.substring(2, arg.indexOf('='))))) {
				throw new IllegalArgumentException(
						"Unknown argument '" + arg + "': use --quick or --" + String.join("=N, --", NAMES) + "=N");
			}
		}
		boolean quick = List.of(args).contains("--quick");
		return new LoadSettings(intArgument(args, "rounds", quick ? 2 : 6),
				intArgument(args, "round-seconds", quick ? 5 : 20),
				intArgument(args, "warmup-seconds", quick ? 10 : 60), intArgument(args, "base-port", 18081),
				intArgument(args, "noise-floor", 5));
	}

	private static int intArgument(String[] args, String name, int defaultValue) {
		String prefix = "--" + name + "=";
		return Stream.of(args)
			.filter((arg) -> arg.startsWith(prefix))
			.reduce((first, last) -> last)
			.map((arg) -> Integer.parseInt(arg.substring(prefix.length())))
			.orElse(defaultValue);
	}

}
