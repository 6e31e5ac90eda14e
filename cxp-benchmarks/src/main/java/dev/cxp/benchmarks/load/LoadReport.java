package dev.cxp.benchmarks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the rounds of the load benchmark, prints each as it comes, and prints the medians and the
 * paired differences (each round's variant against the same round's baseline) against the targets.
 */
final class LoadReport {

	private final long ticksPerSecond;

	private final Map<Variant, List<Double>> requestsPerSecond = new EnumMap<>(Variant.class);

	private final Map<Variant, List<Double>> p99Millis = new EnumMap<>(Variant.class);

	private final Map<Integer, Map<Variant, Double>> cpuMicrosByRound = new TreeMap<>();

	LoadReport(long ticksPerSecond) {
		this.ticksPerSecond = ticksPerSecond;
	}

	void add(int round, Variant variant, Wrk.Result result, long cpuTicks, String loadAverage) {
		if (result.errors() > 0) {
			throw new IllegalStateException(variant.label() + ": " + result.errors() + " errors in round " + round);
		}
		double cpuMicros = cpuTicks * 1_000_000.0 / this.ticksPerSecond / result.requests();
		this.requestsPerSecond.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(result.requestsPerSecond());
		this.p99Millis.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(result.p99Micros() / 1000.0);
		this.cpuMicrosByRound.computeIfAbsent(round, (key) -> new EnumMap<>(Variant.class)).put(variant, cpuMicros);
		System.out.printf(Locale.ROOT, "round %d  %-14s %9.0f req/s  p99 %7.2f ms  cpu %7.2f µs/req  (%d requests, "
				+ "load %s)%n", round, variant.label(), result.requestsPerSecond(), result.p99Micros() / 1000.0,
				cpuMicros, result.requests(), loadAverage);
	}

	void printSummary() {
		System.out.println();
		System.out.println("medians over " + this.cpuMicrosByRound.size() + " rounds");
		for (Variant variant : this.requestsPerSecond.keySet()) {
			List<Double> cpu = this.cpuMicrosByRound.values().stream().map((round) -> round.get(variant)).toList();
			System.out.printf(Locale.ROOT, "  %-14s %9.0f req/s  p99 %7.2f ms  cpu %7.2f µs/req%n", variant.label(),
					median(this.requestsPerSecond.get(variant)), median(this.p99Millis.get(variant)), median(cpu));
		}
		double controlDiffers = median(differences(Variant.DISABLED_CONTROL));
		double starterAdds = median(differences(Variant.STARTER));
		double sessionAdds = median(differences(Variant.SPRING_SESSION));
		double starterAddsToBoth = median(differencesFromBothBaselines(Variant.STARTER));
		double sessionAddsToBoth = median(differencesFromBothBaselines(Variant.SPRING_SESSION));
		double ratio = median(this.cpuMicrosByRound.values()
			.stream()
			.map((round) -> round.get(Variant.STARTER) / round.get(Variant.DISABLED))
			.toList());
		System.out.println("paired per round, medians (target in brackets)");
		System.out.printf(Locale.ROOT, "  second baseline JVM %6.2f µs/req  (noise floor: same app, another JVM)%n",
				controlDiffers);
		System.out.printf(Locale.ROOT, "  starter adds        %6.2f µs/req  [<= 2.5]        %s%n", starterAdds,
				verdict(starterAdds <= 2.5));
		System.out.printf(Locale.ROOT, "  starter / disabled  %6.3f         [<= 1.03]       %s%n", ratio,
				verdict(ratio <= 1.03));
		System.out.printf(Locale.ROOT, "  spring-session adds %6.2f µs/req  [starter <= 1/3 of it: %.2f]  %s%n",
				sessionAdds, sessionAdds / 3, verdict(starterAdds <= sessionAdds / 3));
		if (this.requestsPerSecond.containsKey(Variant.STARTER_REDIS)) {
			System.out.printf(Locale.ROOT, "  starter-redis adds  %6.2f µs/req  (the starter with its sessions in Redis)%n",
					median(differences(Variant.STARTER_REDIS)));
		}
		System.out.println("against the mean of both baseline JVMs, medians");
		System.out.printf(Locale.ROOT, "  starter adds        %6.2f µs/req  [<= 2.5]        %s%n", starterAddsToBoth,
				verdict(starterAddsToBoth <= 2.5));
		System.out.printf(Locale.ROOT, "  spring-session adds %6.2f µs/req  [starter <= 1/3 of it: %.2f]  %s%n",
				sessionAddsToBoth, sessionAddsToBoth / 3, verdict(starterAddsToBoth <= sessionAddsToBoth / 3));
	}

	private List<Double> differencesFromBothBaselines(Variant variant) {
		return this.cpuMicrosByRound.values()
			.stream()
			.map((round) -> round.get(variant)
					- (round.get(Variant.DISABLED) + round.get(Variant.DISABLED_CONTROL)) / 2)
			.toList();
	}

	private List<Double> differences(Variant variant) {
		return this.cpuMicrosByRound.values()
			.stream()
			.map((round) -> round.get(variant) - round.get(Variant.DISABLED))
			.toList();
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
