package dev.cxp.benchmarks.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Collects the rounds of the load comparison, prints each JVM's figures as they come, and summarises them: per
 * variant the medians of CPU and allocation per request, and, against the disabled app in the same round, its
 * CPU ratio and what it adds. Two JVMs of identical code differ in CPU by about 5 % on a shared machine, so a
 * CPU difference counts only above that noise floor (the stated floor, or this run's A/A pair where larger);
 * smaller ones are judged by allocation per request, which is firm within a JVM, and by JMH.
 */
final class LoadReport {

	private final double noiseFloorPercent;

	private final PrintStream out;

	private final Map<Variant, List<Round>> rounds = new EnumMap<>(Variant.class);

	/**
	 * Create a report.
	 * @param noiseFloorPercent the stated noise floor of a CPU difference, in percent
	 * @param out where the rounds and the summary are written, for a person to read
	 */
	LoadReport(double noiseFloorPercent, PrintStream out) {
		this.noiseFloorPercent = noiseFloorPercent;
		this.out = out;
	}

	/**
	 * What one JVM used per request in one round.
	 * @param cpuMicros user plus system CPU time of the JVM
	 * @param bytes bytes allocated by the JVM's threads
	 */
	record Round(double cpuMicros, double bytes) {
	}

	/**
	 * Add a variant's next round.
	 * @param variant the variant
	 * @param result what wrk measured
	 * @param used what the JVM used over the round
	 * @throws IllegalStateException when wrk saw errors: a figure over failed requests compares nothing
	 */
	void add(Variant variant, Wrk.Result result, ServerJvm.Usage used) {
		if (result.errors() > 0) {
			throw new IllegalStateException(variant.label() + ": " + result.errors() + " errors in a round");
		}
		List<Round> measured = this.rounds.computeIfAbsent(variant, (key) -> new ArrayList<>());
		Round round = new Round(used.cpuNanos() / 1000.0 / result.requests(),
				(double) used.allocatedBytes() / result.requests());
		measured.add(round);
		this.out.printf(Locale.ROOT, "round %d  %-14s %,9d requests  cpu %7.2f µs/req  alloc %7.0f B/req%n",
				measured.size(), variant.label(), result.requests(), round.cpuMicros(), round.bytes());
	}

	double median(Variant variant, ToDoubleFunction<Round> figure) {
		return median(rounds(variant).stream().mapToDouble(figure).toArray());
	}

	/**
	 * A variant's CPU per request over the disabled app's in the same round, the median over the rounds.
	 */
	double cpuRatio(Variant variant) {
		return againstDisabled(variant, (round, disabled) -> round.cpuMicros() / disabled.cpuMicros());
	}

	/**
	 * The CPU per request, in µs, a variant adds to the disabled app's in the same round, the median over the
	 * rounds.
	 */
	double addedCpuMicros(Variant variant) {
		return againstDisabled(variant, (round, disabled) -> round.cpuMicros() - disabled.cpuMicros());
	}

	/**
	 * The bytes per request a variant allocates beyond the disabled app in the same round, the median over the
	 * rounds.
	 */
	double addedBytes(Variant variant) {
		return againstDisabled(variant, (round, disabled) -> round.bytes() - disabled.bytes());
	}

	/**
	 * The noise floor of this run's CPU differences, in percent: the stated floor, or the A/A pair's difference
	 * where that is larger.
	 */
	double noiseFloorPercent() {
		return Math.max(this.noiseFloorPercent, Math.abs(cpuRatio(Variant.DISABLED_AGAIN) - 1) * 100);
	}

	void printSummary() {
		this.out.printf(Locale.ROOT, "%nmedians over %d rounds, paired per round against disabled%n",
				rounds(Variant.DISABLED).size());
		this.out.printf(Locale.ROOT, "  %-14s %11s %12s %7s %12s %11s%n", "", "cpu µs/req", "alloc B/req", "cpu x",
				"adds µs/req", "adds B/req");
		for (Variant variant : this.rounds.keySet()) {
			this.out.printf(Locale.ROOT, "  %-14s %11.2f %12.0f %7.3f %+12.2f %+11.0f%n", variant.label(),
					median(variant, Round::cpuMicros), median(variant, Round::bytes), cpuRatio(variant),
					addedCpuMicros(variant), addedBytes(variant));
		}
		double floor = noiseFloorPercent();
		this.out.printf(Locale.ROOT, "noise floor %.1f %% (stated %.1f %%; A/A, disabled-again over disabled, x%.3f)%n",
				floor, this.noiseFloorPercent, cpuRatio(Variant.DISABLED_AGAIN));
		double starter = (cpuRatio(Variant.STARTER) - 1) * 100;
		this.out.printf(Locale.ROOT, "starter over disabled x%.3f: %s%n", cpuRatio(Variant.STARTER),
				(Math.abs(starter) <= floor) ? "within the noise floor, judge it by allocation per request and JMH"
						: String.format(Locale.ROOT, "%s the noise floor (%+.1f %% against %.1f %%)",
								(starter > 0) ? "above" : "below", starter, floor));
		this.out.printf(Locale.ROOT, "starter's added cost as a share of Spring Session's: cpu %.2f, allocation %.2f%n",
				addedCpuMicros(Variant.STARTER) / addedCpuMicros(Variant.SPRING_SESSION),
				addedBytes(Variant.STARTER) / addedBytes(Variant.SPRING_SESSION));
	}

	private double againstDisabled(Variant variant, ToDoubleBiFunction<Round, Round> figure) {
		List<Round> measured = rounds(variant);
		List<Round> disabled = rounds(Variant.DISABLED);
		if (measured.size() != disabled.size()) {
			throw new IllegalStateException(variant.label() + " ran " + measured.size() + " rounds, disabled "
					+ disabled.size());
		}
		return median(IntStream.range(0, measured.size())
			.mapToDouble((i) -> figure.applyAsDouble(measured.get(i), disabled.get(i)))
			.toArray());
	}

	private List<Round> rounds(Variant variant) {
		List<Round> measured = this.rounds.get(variant);
		if (measured == null) {
			throw new IllegalStateException("No rounds of " + variant.label());
		}
		return measured;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
