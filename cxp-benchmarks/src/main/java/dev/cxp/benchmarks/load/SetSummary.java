package dev.cxp.benchmarks.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

import dev.cxp.benchmarks.load.Variant.Role;

/**
 * Figures over sets of JVMs ({@code --sets=N}): the paired run repeated with new JVMs each time. Two JVMs of
 * identical code differ for their whole life (the JIT's choices, the memory layout) by about as much as the
 * starter's target, which more rounds do not remove and more JVMs do. Each set gives each variant's figure
 * (its median paired difference, or with quiet slices the cost of its path in its JVM, or its JVM's difference
 * from the baseline's on the quiet pages); the summary is their mean with a 95 % interval (Student's t, the sets taken as
 * independent), and the starter's difference from the hand-written limit set by set, in which the baseline
 * JVM they share cancels.
 */
final class SetSummary {

	/**
	 * Student's t at 97.5 % for 1 to 30 degrees of freedom: the half-width of a two-sided 95 % interval is t
	 * standard errors.
	 */
	private static final double[] T_975 = { 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
			2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
			2.056, 2.052, 2.048, 2.045, 2.042 };

	private final PrintStream out;

	private final String figure;

	private final List<Map<Variant, Double>> sets = new ArrayList<>();

	/**
	 * Create a summary.
	 * @param out where it is written: the benchmark's output
	 * @param figure what each set's figure is, for the summary's heading
	 */
	SetSummary(PrintStream out, String figure) {
		this.out = out;
		this.figure = figure;
	}

	/**
	 * Add a set's figures.
	 * @param figures each variant's figure in the set, µs per request
	 */
	void add(Map<Variant, Double> figures) {
		this.sets.add(figures);
	}

	/**
	 * Print each variant's figures over the sets, then the starter's against the hand-written limit.
	 */
	void print() {
		this.out.printf(Locale.ROOT, "over %d sets, each of new JVMs: each variant's %s per set; "
				+ "mean, standard deviation and 95 %% interval of the mean%n", this.sets.size(), this.figure);
		for (Variant variant : Variant.values()) {
			List<Double> values = this.sets.stream()
				.filter((set) -> set.containsKey(variant))
				.map((set) -> set.get(variant))
				.toList();
			if (!values.isEmpty()) {
				print(variant.label(), values);
			}
		}
		List<Double> starterOverLimit = new ArrayList<>();
		for (Map<Variant, Double> set : this.sets) {
			Double starter = meanOf(set, Role.STARTER, Role.STARTER_AGAIN);
			Double limit = meanOf(set, Role.HAND_WRITTEN);
			if (starter != null && limit != null) {
				starterOverLimit.add(starter - limit);
			}
		}
		if (!starterOverLimit.isEmpty()) {
			print("starter minus hand-written", starterOverLimit);
		}
	}

	private void print(String what, List<Double> values) {
		Interval interval = Interval.of(values);
		this.out.printf(Locale.ROOT, "  %-26s mean %+6.2f µs/req  sd %5.2f  95 %% interval %+6.2f to %+6.2f  per set %s%n",
				what, interval.mean(), interval.standardDeviation(), interval.low(), interval.high(),
				values.stream().map((value) -> String.format(Locale.ROOT, "%+.2f", value)).toList());
	}

	/**
	 * The mean figure of the set's JVMs that play one of the roles, {@code null} when none ran.
	 */
	private static @Nullable Double meanOf(Map<Variant, Double> set, Role... roles) {
		List<Role> wanted = List.of(roles);
		OptionalDouble mean = set.entrySet()
			.stream()
			.filter((entry) -> wanted.contains(entry.getKey().role()))
			.mapToDouble(Map.Entry::getValue)
			.average();
		return mean.isPresent() ? mean.getAsDouble() : null;
	}

	/**
	 * The mean of a sample with its standard deviation and the half-width of its 95 % interval.
	 * @param mean the mean
	 * @param standardDeviation the sample's standard deviation, 0 for one value
	 * @param halfWidth t times the standard error, infinite for one value
	 */
	record Interval(double mean, double standardDeviation, double halfWidth) {

		static Interval of(List<Double> values) {
			int count = values.size();
			double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
			if (count < 2) {
				return new Interval(mean, 0, Double.POSITIVE_INFINITY);
			}
			double squares = values.stream().mapToDouble((value) -> (value - mean) * (value - mean)).sum();
			double standardDeviation = Math.sqrt(squares / (count - 1));
			double t = (count - 1 <= T_975.length) ? T_975[count - 2] : 1.96;
			return new Interval(mean, standardDeviation, t * standardDeviation / Math.sqrt(count));
		}

		double low() {
			return this.mean - this.halfWidth;
		}

		double high() {
			return this.mean + this.halfWidth;
		}

	}

}
