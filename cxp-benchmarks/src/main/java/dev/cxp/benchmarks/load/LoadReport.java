package dev.cxp.benchmarks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

import dev.cxp.benchmarks.load.Variant.Role;

/**
 * Collects the rounds of the load benchmark, prints each as it comes, and prints the medians and the
 * paired differences (each round's variant against the same round's baseline) against the targets, with
 * the A/A spread of every role that ran in two JVMs.
 */
final class LoadReport {

	private final long ticksPerSecond;

	private final Map<Variant, List<Double>> requestsPerSecond = new EnumMap<>(Variant.class);

	private final Map<Variant, List<Double>> p99Millis = new EnumMap<>(Variant.class);

	private final Map<Integer, Map<Variant, Double>> cpuMicrosByRound = new TreeMap<>();

	private final Map<Integer, Map<Variant, Double>> allocatedBytesByRound = new TreeMap<>();

	private final Map<Role, Variant> variants = new EnumMap<>(Role.class);

	LoadReport(long ticksPerSecond) {
		this.ticksPerSecond = ticksPerSecond;
	}

	void add(int round, Variant variant, Wrk.Result result, long cpuTicks, long allocatedBytes, String loadAverage) {
		if (result.errors() > 0) {
			throw new IllegalStateException(variant.label() + ": " + result.errors() + " errors in round " + round);
		}
		double cpuMicros = cpuTicks * 1_000_000.0 / this.ticksPerSecond / result.requests();
		double bytes = (double) allocatedBytes / result.requests();
		this.variants.put(variant.role(), variant);
		this.requestsPerSecond.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(result.requestsPerSecond());
		this.p99Millis.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(result.p99Micros() / 1000.0);
		this.cpuMicrosByRound.computeIfAbsent(round, (key) -> new EnumMap<>(Variant.class)).put(variant, cpuMicros);
		this.allocatedBytesByRound.computeIfAbsent(round, (key) -> new EnumMap<>(Variant.class)).put(variant, bytes);
		System.out.printf(Locale.ROOT, "round %d  %-14s %9.0f req/s  p99 %7.2f ms  cpu %7.2f µs/req  alloc %7.0f B/req"
				+ "  (%d requests, load %s)%n", round, variant.label(), result.requestsPerSecond(),
				result.p99Micros() / 1000.0, cpuMicros, bytes, result.requests(), loadAverage);
	}

	void printSummary() {
		System.out.println();
		System.out.println("medians over " + this.cpuMicrosByRound.size() + " rounds");
		for (Variant variant : this.requestsPerSecond.keySet()) {
			System.out.printf(Locale.ROOT, "  %-14s %9.0f req/s  p99 %7.2f ms  cpu %7.2f µs/req  alloc %7.0f B/req%n",
					variant.label(), median(this.requestsPerSecond.get(variant)), median(this.p99Millis.get(variant)),
					median(perRound(this.cpuMicrosByRound, (round) -> round.get(variant))),
					median(perRound(this.allocatedBytesByRound, (round) -> round.get(variant))));
		}
		Variant baseline = this.variants.get(Role.BASELINE);
		if (baseline == null) {
			return;
		}
		System.out.println("paired per round against " + baseline.label() + ", medians (cpu; ratio; allocation)");
		for (Variant variant : this.requestsPerSecond.keySet()) {
			if (variant != baseline) {
				System.out.printf(Locale.ROOT, "  %-14s %+7.2f µs/req  x%.3f  %+7.0f B/req%n", variant.label(),
						median(perRound(this.cpuMicrosByRound, (round) -> round.get(variant) - round.get(baseline))),
						median(perRound(this.cpuMicrosByRound, (round) -> round.get(variant) / round.get(baseline))),
						median(perRound(this.allocatedBytesByRound,
								(round) -> round.get(variant) - round.get(baseline))));
			}
		}
		printSpread(Role.BASELINE, Role.BASELINE_AGAIN);
		printSpread(Role.STARTER, Role.STARTER_AGAIN);
		printTargets();
	}

	/**
	 * How far two JVMs of identical code differ, paired per round: the noise floor of every difference.
	 */
	private void printSpread(Role first, Role second) {
		Variant one = this.variants.get(first);
		Variant other = this.variants.get(second);
		if (one != null && other != null) {
			List<Double> spread = perRound(this.cpuMicrosByRound,
					(round) -> round.get(other) - round.get(one));
			List<Double> relative = perRound(this.cpuMicrosByRound,
					(round) -> Math.abs(round.get(other) / round.get(one) - 1) * 100);
			System.out.printf(Locale.ROOT, "A/A spread, %s against %s: median %+.2f µs/req, per round %s, "
					+ "|relative| median %.1f %% (max %.1f %%)%n", other.label(), one.label(), median(spread),
					format(spread), median(relative), relative.stream().mapToDouble(Double::doubleValue).max().orElse(0));
		}
	}

	/**
	 * The targets, each role taken as the mean of its JVMs (one or two) against the mean of the baseline's.
	 */
	private void printTargets() {
		ToDoubleFunction<Map<Variant, Double>> baseline = (round) -> mean(round, Role.BASELINE, Role.BASELINE_AGAIN);
		ToDoubleFunction<Map<Variant, Double>> starter = (round) -> mean(round, Role.STARTER, Role.STARTER_AGAIN);
		if (!this.variants.containsKey(Role.STARTER)) {
			return;
		}
		double starterAdds = median(perRound(this.cpuMicrosByRound,
				(round) -> starter.applyAsDouble(round) - baseline.applyAsDouble(round)));
		double ratio = median(perRound(this.cpuMicrosByRound,
				(round) -> starter.applyAsDouble(round) / baseline.applyAsDouble(round)));
		double starterBytes = median(perRound(this.allocatedBytesByRound,
				(round) -> starter.applyAsDouble(round) - baseline.applyAsDouble(round)));
		System.out.println("mean of the JVMs of each role against the mean of the baseline JVMs, medians per round");
		System.out.printf(Locale.ROOT, "  starter adds        %+7.2f µs/req  %+7.0f B/req  [<= 2.5 µs]   %s%n",
				starterAdds, starterBytes, verdict(starterAdds <= 2.5));
		System.out.printf(Locale.ROOT, "  starter / disabled  %7.3f                      [<= 1.03]     %s%n", ratio,
				verdict(ratio <= 1.03));
		for (Role role : List.of(Role.SPRING_SESSION, Role.HAND_WRITTEN, Role.STARTER_REDIS)) {
			Variant variant = this.variants.get(role);
			if (variant != null) {
				double adds = median(perRound(this.cpuMicrosByRound,
						(round) -> round.get(variant) - baseline.applyAsDouble(round)));
				double bytes = median(perRound(this.allocatedBytesByRound,
						(round) -> round.get(variant) - baseline.applyAsDouble(round)));
				String target = (role != Role.SPRING_SESSION) ? ""
						: String.format(Locale.ROOT, "  [starter <= 1/3 of it: %.2f]  %s", adds / 3,
								verdict(starterAdds <= adds / 3));
				System.out.printf(Locale.ROOT, "  %-14s adds  %+7.2f µs/req  %+7.0f B/req%s%n", variant.label(), adds,
						bytes, target);
			}
		}
	}

	private double mean(Map<Variant, Double> round, Role role, Role again) {
		Variant one = this.variants.get(role);
		Variant other = this.variants.get(again);
		return (other != null) ? (round.get(one) + round.get(other)) / 2 : round.get(one);
	}

	private static List<Double> perRound(Map<Integer, Map<Variant, Double>> rounds,
			ToDoubleFunction<Map<Variant, Double>> value) {
		return rounds.values().stream().map(value::applyAsDouble).toList();
	}

	private static String format(List<Double> values) {
		return values.stream().map((value) -> String.format(Locale.ROOT, "%+.2f", value)).toList().toString();
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	static double median(@Nullable List<Double> values) {
		if (values == null || values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
