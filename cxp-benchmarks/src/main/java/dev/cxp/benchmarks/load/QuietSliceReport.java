package dev.cxp.benchmarks.load;

import java.io.PrintStream;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

import dev.cxp.benchmarks.load.SetSummary.Interval;
import dev.cxp.benchmarks.load.Variant.Role;

/**
 * Collects the rounds of the load benchmark's quiet slices ({@code --quiet-slices}), prints each slice as it
 * comes, and summarises them. In each round every JVM is driven twice, at the same time as the others: once on
 * the application's pages, where the visitor's path runs, and once on its quiet pages, where it does not. A
 * variant's figure is its own difference, pages minus quiet pages, round by round: the cost of the visitor's
 * path in that JVM, which the JVM-to-JVM difference cannot reach, since both slices ran in the same JVM. The
 * baseline's own difference is what the two sets of paths and the machine's drift between the two slices make
 * without any path; it is taken off each variant's, round by round. The quiet slices also compare each JVM with
 * the baseline's without the path, which is the JVM-to-JVM difference with whatever the variant's presence
 * adds.
 */
final class QuietSliceReport implements RoundsReport {

	private final long ticksPerSecond;

	private final PrintStream out;

	private final Map<Variant, Map<Integer, Slice>> onPages = new EnumMap<>(Variant.class);

	private final Map<Variant, Map<Integer, Slice>> onQuietPages = new EnumMap<>(Variant.class);

	/**
	 * Create a report.
	 * @param ticksPerSecond the kernel's clock ticks per second, the unit of CPU time
	 * @param out where the slices and the summary are written: the benchmark's output, a report for a person to
	 * read
	 */
	QuietSliceReport(long ticksPerSecond, PrintStream out) {
		this.ticksPerSecond = ticksPerSecond;
		this.out = out;
	}

	/**
	 * What one JVM did in one slice, per request.
	 * @param cpuMicros user plus system CPU time
	 * @param userMicros user CPU time alone
	 * @param bytes bytes allocated
	 */
	record Slice(double cpuMicros, double userMicros, double bytes) {

	}

	/**
	 * Add one JVM's slice.
	 * @param round the round, from 1
	 * @param variant the JVM's variant
	 * @param pages {@code true} for the application's pages, {@code false} for its quiet pages
	 * @param result what wrk measured
	 * @param cpuTicks the JVM's CPU time over the slice
	 * @param allocatedBytes the bytes its threads allocated over the slice
	 * @param loadAverage the machine's load average after the slice
	 */
	void add(int round, Variant variant, boolean pages, Wrk.Result result, CpuTicks cpuTicks, long allocatedBytes,
			String loadAverage) {
		if (result.errors() > 0) {
			throw new IllegalStateException(variant.label() + ": " + result.errors() + " errors in round " + round);
		}
		Slice slice = new Slice(perRequestMicros(cpuTicks.total(), result), perRequestMicros(cpuTicks.user(), result),
				(double) allocatedBytes / result.requests());
		(pages ? this.onPages : this.onQuietPages).computeIfAbsent(variant, (key) -> new TreeMap<>())
			.put(round, slice);
		this.out.printf(Locale.ROOT, "round %d  %-14s %-11s %9.0f req/s  cpu %7.2f µs/req (user %6.2f)  alloc %7.0f B/req"
				+ "  (load %s)%n", round, variant.label(), pages ? "pages" : "quiet pages", result.requestsPerSecond(),
				slice.cpuMicros(), slice.userMicros(), slice.bytes(), loadAverage);
	}

	private double perRequestMicros(long ticks, Wrk.Result result) {
		return ticks * 1_000_000.0 / this.ticksPerSecond / result.requests();
	}

	/**
	 * Print each variant's cost of the visitor's path within its JVM, alone and net of the baseline's difference,
	 * and each JVM's difference from the baseline's on the quiet pages.
	 */
	@Override
	public void printSummary() {
		this.out.println();
		this.out.println("quiet slices: pages minus quiet pages, round by round, in each JVM (µs of CPU per request)");
		for (Variant variant : this.onPages.keySet()) {
			print(variant.label(), differences(variant, Slice::cpuMicros));
			print(variant.label() + ", user time", differences(variant, Slice::userMicros));
			Interval bytes = Interval.of(List.copyOf(differences(variant, Slice::bytes).values()));
			this.out.printf(Locale.ROOT, "  %-38s mean %+7.0f B/req%n", variant.label() + ", allocated", bytes.mean());
		}
		@Nullable Variant baseline = baseline();
		if (baseline == null) {
			return;
		}
		this.out.println("net of the baseline's own difference in the same rounds (the path's cost in its JVM)");
		others(baseline).forEach((variant) -> print(variant.label(), pathCost(variant, baseline)));
		this.out.println("quiet pages, each JVM minus the baseline's in the same slice (the JVMs without the path)");
		others(baseline).forEach((variant) -> print(variant.label(), quietAgainst(variant, baseline)));
	}

	/**
	 * Each variant's median cost of the visitor's path in its JVM, net of the baseline's own difference: the
	 * set's figure for a summary over sets of new JVMs.
	 * @return the medians by variant, empty without a baseline
	 */
	Map<Variant, Double> pathCosts() {
		return medians(this::pathCost);
	}

	/**
	 * Each variant's median difference from the baseline JVM on the quiet pages, in the same slices: the set's
	 * figure for a summary over sets of new JVMs.
	 * @return the medians by variant, empty without a baseline
	 */
	Map<Variant, Double> quietCosts() {
		return medians(this::quietAgainst);
	}

	/**
	 * The median of a figure taken against the baseline, for each variant but the baseline.
	 */
	private Map<Variant, Double> medians(BiFunction<Variant, Variant, Map<Integer, Double>> againstBaseline) {
		@Nullable Variant baseline = baseline();
		Map<Variant, Double> medians = new EnumMap<>(Variant.class);
		if (baseline != null) {
			others(baseline).forEach(
					(variant) -> medians.put(variant, median(againstBaseline.apply(variant, baseline).values())));
		}
		return medians;
	}

	private @Nullable Variant baseline() {
		return this.onPages.keySet()
			.stream()
			.filter((variant) -> variant.role() == Role.BASELINE)
			.findFirst()
			.orElse(null);
	}

	private List<Variant> others(Variant baseline) {
		return this.onPages.keySet().stream().filter((variant) -> variant != baseline).toList();
	}

	private Map<Integer, Double> pathCost(Variant variant, Variant baseline) {
		return minus(differences(variant, Slice::cpuMicros), differences(baseline, Slice::cpuMicros));
	}

	private Map<Integer, Double> quietAgainst(Variant variant, Variant baseline) {
		return minus(figures(this.onQuietPages, variant), figures(this.onQuietPages, baseline));
	}

	/**
	 * A variant's pages minus quiet pages, by round, over the rounds in which it ran both.
	 * @param variant the variant
	 * @param figure the figure compared
	 * @return the differences, by round
	 */
	Map<Integer, Double> differences(Variant variant, ToDoubleFunction<Slice> figure) {
		Map<Integer, Double> pages = new TreeMap<>();
		this.onPages.getOrDefault(variant, Map.of())
			.forEach((round, slice) -> pages.put(round, figure.applyAsDouble(slice)));
		Map<Integer, Double> quiet = new TreeMap<>();
		this.onQuietPages.getOrDefault(variant, Map.of())
			.forEach((round, slice) -> quiet.put(round, figure.applyAsDouble(slice)));
		return minus(pages, quiet);
	}

	private static Map<Integer, Double> figures(Map<Variant, Map<Integer, Slice>> slices, Variant variant) {
		Map<Integer, Double> figures = new TreeMap<>();
		slices.getOrDefault(variant, Map.of()).forEach((round, slice) -> figures.put(round, slice.cpuMicros()));
		return figures;
	}

	/**
	 * One figure minus another, round by round, over the rounds that have both.
	 */
	private static Map<Integer, Double> minus(Map<Integer, Double> values, Map<Integer, Double> subtrahends) {
		Map<Integer, Double> differences = new TreeMap<>();
		values.forEach((round, value) -> {
			Double subtrahend = subtrahends.get(round);
			if (subtrahend != null) {
				differences.put(round, value - subtrahend);
			}
		});
		return differences;
	}

	private void print(String what, Map<Integer, Double> byRound) {
		List<Double> values = List.copyOf(byRound.values());
		Interval interval = Interval.of(values);
		this.out.printf(Locale.ROOT, "  %-38s mean %+6.2f  sd %5.2f  95 %% interval %+6.2f to %+6.2f  median %+6.2f%n",
				what, interval.mean(), interval.standardDeviation(), interval.low(), interval.high(), median(values));
	}

	private static double median(Collection<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
