package dev.cxp.benchmarks.load;

import java.io.PrintStream;
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
 * paired differences (each round's variant against the same round's baseline, or with {@code --paired}
 * against the baseline JVM driven in the same slice) against the targets, with the A/A spread of every role
 * that ran in two JVMs. Paired slices are also compared by their user CPU time alone, without the kernel's
 * share (mostly loopback TCP, the same for every variant), and without the CPU of the JVMs' JIT compiler
 * threads, which compile again in bursts whenever the load on a JVM changes.
 */
final class LoadReport implements RoundsReport {

	private final long ticksPerSecond;

	private final PrintStream out;

	private final Map<Variant, List<Double>> requestsPerSecond = new EnumMap<>(Variant.class);

	private final Map<Variant, List<Double>> p99Millis = new EnumMap<>(Variant.class);

	private final Map<Variant, List<Double>> cpuMicros = new EnumMap<>(Variant.class);

	private final Map<Variant, List<Double>> allocatedBytes = new EnumMap<>(Variant.class);

	private final Map<Variant, List<Double>> compilerMicros = new EnumMap<>(Variant.class);

	private final Map<Integer, Map<Variant, Double>> cpuMicrosByRound = new TreeMap<>();

	private final Map<Integer, Map<Variant, Double>> allocatedBytesByRound = new TreeMap<>();

	private final Map<Role, Variant> variants = new EnumMap<>(Role.class);

	private final Map<Integer, Map<Variant, Difference>> pairedByRound = new TreeMap<>();

	/**
	 * Create a report.
	 * @param ticksPerSecond the kernel's clock ticks per second, the unit of CPU time
	 * @param out where the rounds and the summary are written: the benchmark's output, a report for a person
	 * to read
	 */
	LoadReport(long ticksPerSecond, PrintStream out) {
		this.ticksPerSecond = ticksPerSecond;
		this.out = out;
	}

	/**
	 * Add a slice of paired load: a variant and the baseline JVM driven at the same time.
	 */
	void addPair(int round, Variant variant, Wrk.Result result, CpuTicks cpuTicks, long allocatedBytes,
			Variant baseline, Wrk.Result baselineResult, CpuTicks baselineCpuTicks, long baselineAllocatedBytes,
			String loadAverage) {
		Measured measured = add(round, variant, result, cpuTicks, allocatedBytes, loadAverage);
		Measured against = add(round, baseline, baselineResult, baselineCpuTicks, baselineAllocatedBytes,
				loadAverage);
		Difference difference = new Difference(measured.cpuMicros() - against.cpuMicros(),
				measured.cpuMicros() / against.cpuMicros(), measured.bytes() - against.bytes(),
				measured.userMicros() - against.userMicros(),
				measured.withoutCompilerMicros() - against.withoutCompilerMicros(),
				measured.withoutCompilerMicros() / against.withoutCompilerMicros());
		this.pairedByRound.computeIfAbsent(round, (key) -> new EnumMap<>(Variant.class)).put(variant, difference);
		this.out.printf(Locale.ROOT, "round %d  %-14s against %-14s %+7.2f µs/req  x%.3f  %+7.0f B/req%n", round,
				variant.label(), baseline.label(), difference.cpuMicros(), difference.ratio(), difference.bytes());
	}

	Measured add(int round, Variant variant, Wrk.Result result, CpuTicks cpuTicks, long allocatedBytes,
			String loadAverage) {
		if (result.errors() > 0) {
			throw new IllegalStateException(variant.label() + ": " + result.errors() + " errors in round " + round);
		}
		double cpuMicros = perRequestMicros(cpuTicks.total(), result);
		double userMicros = perRequestMicros(cpuTicks.user(), result);
		double compiler = perRequestMicros(cpuTicks.compiler(), result);
		double bytes = (double) allocatedBytes / result.requests();
		this.variants.put(variant.role(), variant);
		this.requestsPerSecond.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(result.requestsPerSecond());
		this.p99Millis.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(result.p99Micros() / 1000.0);
		this.cpuMicros.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(cpuMicros);
		this.allocatedBytes.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(bytes);
		this.compilerMicros.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(compiler);
		this.cpuMicrosByRound.computeIfAbsent(round, (key) -> new EnumMap<>(Variant.class)).put(variant, cpuMicros);
		this.allocatedBytesByRound.computeIfAbsent(round, (key) -> new EnumMap<>(Variant.class)).put(variant, bytes);
		this.out.printf(Locale.ROOT, "round %d  %-14s %9.0f req/s  p99 %7.2f ms  cpu %7.2f µs/req (user %6.2f, "
				+ "jit %5.2f)  alloc %7.0f B/req  (%d requests, load %s)%n", round, variant.label(),
				result.requestsPerSecond(), result.p99Micros() / 1000.0, cpuMicros, userMicros, compiler, bytes,
				result.requests(), loadAverage);
		return new Measured(cpuMicros, bytes, userMicros, cpuMicros - compiler);
	}

	private double perRequestMicros(long ticks, Wrk.Result result) {
		return ticks * 1_000_000.0 / this.ticksPerSecond / result.requests();
	}

	@Override
	public void printSummary() {
		this.out.println();
		this.out.println("medians over " + this.cpuMicrosByRound.size() + " rounds");
		for (Variant variant : this.requestsPerSecond.keySet()) {
			this.out.printf(Locale.ROOT, "  %-14s %9.0f req/s  p99 %7.2f ms  cpu %7.2f µs/req  alloc %7.0f B/req%n",
					variant.label(), median(this.requestsPerSecond.get(variant)), median(this.p99Millis.get(variant)),
					median(this.cpuMicros.get(variant)), median(this.allocatedBytes.get(variant)));
		}
		if (!this.pairedByRound.isEmpty()) {
			printPairedSummary();
			return;
		}
		Variant baseline = this.variants.get(Role.BASELINE);
		if (baseline == null) {
			return;
		}
		this.out.println("paired per round against " + baseline.label() + ", medians (cpu; ratio; allocation)");
		for (Variant variant : this.requestsPerSecond.keySet()) {
			if (variant != baseline) {
				this.out.printf(Locale.ROOT, "  %-14s %+7.2f µs/req  x%.3f  %+7.0f B/req%n", variant.label(),
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
	 * The differences of paired load: each variant against the baseline JVM driven with it, medians over the
	 * rounds; the A/A spread is the slice of the two baseline JVMs and the difference between the starter's
	 * two JVMs; each role is the mean of its JVMs' differences.
	 */
	private void printPairedSummary() {
		this.out.println("paired slices: each variant against the baseline JVM driven with it, medians over the "
				+ "rounds (cpu; ratio; allocation)");
		for (Variant variant : this.requestsPerSecond.keySet()) {
			List<Difference> differences = pairedDifferences(variant);
			if (!differences.isEmpty()) {
				this.out.printf(Locale.ROOT, "  %-14s %+7.2f µs/req  x%.3f  %+7.0f B/req%n", variant.label(),
						median(differences.stream().map(Difference::cpuMicros).toList()),
						median(differences.stream().map(Difference::ratio).toList()),
						median(differences.stream().map(Difference::bytes).toList()));
			}
		}
		Variant baselineAgain = this.variants.get(Role.BASELINE_AGAIN);
		if (baselineAgain != null) {
			List<Difference> spread = pairedDifferences(baselineAgain);
			printSpread(baselineAgain.label() + " against " + this.variants.get(Role.BASELINE).label(),
					spread.stream().map(Difference::cpuMicros).toList(),
					spread.stream().map((difference) -> Math.abs(difference.ratio() - 1) * 100).toList());
		}
		Variant starter = this.variants.get(Role.STARTER);
		Variant starterAgain = this.variants.get(Role.STARTER_AGAIN);
		if (starter != null && starterAgain != null) {
			List<Map<Variant, Difference>> rounds = roundsWith(starter, starterAgain);
			printSpread(starterAgain.label() + " against " + starter.label() + ", each against its partner",
					rounds.stream().map((round) -> round.get(starterAgain).cpuMicros() - round.get(starter).cpuMicros())
						.toList(),
					rounds.stream()
						.map((round) -> Math.abs(round.get(starterAgain).ratio() / round.get(starter).ratio() - 1) * 100)
						.toList());
		}
		if (starter == null) {
			return;
		}
		List<Map<Variant, Difference>> rounds = (starterAgain != null) ? roundsWith(starter, starterAgain)
				: roundsWith(starter);
		printUserTime(baselineAgain, rounds);
		printWithoutCompiler(baselineAgain, rounds);
		this.out.println("each role as the mean of its JVMs' paired differences, medians per round");
		printTargets(median(rounds.stream().map((round) -> meanOfRole(round, Difference::cpuMicros)).toList()),
				median(rounds.stream().map((round) -> meanOfRole(round, Difference::bytes)).toList()),
				median(rounds.stream().map((round) -> meanOfRole(round, Difference::ratio)).toList()),
				(variant) -> median(pairedDifferences(variant).stream().map(Difference::cpuMicros).toList()),
				(variant) -> median(pairedDifferences(variant).stream().map(Difference::bytes).toList()));
	}

	/**
	 * The same paired differences in user CPU time alone: the starter works in user mode, and a third to a half
	 * of a request's CPU is the kernel's, so this shows whether the spread of the totals is in the kernel's share
	 * or in user time.
	 */
	private void printUserTime(@Nullable Variant baselineAgain, List<Map<Variant, Difference>> starterRounds) {
		this.out.println("user CPU time only, the same slices (medians over the rounds)");
		for (Variant variant : this.requestsPerSecond.keySet()) {
			List<Difference> differences = pairedDifferences(variant);
			if (!differences.isEmpty() && variant != baselineAgain) {
				this.out.printf(Locale.ROOT, "  %-14s %+7.2f µs/req%n", variant.label(),
						median(differences.stream().map(Difference::userMicros).toList()));
			}
		}
		if (baselineAgain != null) {
			List<Double> spread = pairedDifferences(baselineAgain).stream().map(Difference::userMicros).toList();
			this.out.printf(Locale.ROOT, "  A/A spread, %s: median %+.2f µs/req, per round %s%n",
					baselineAgain.label(), median(spread), format(spread));
		}
		this.out.printf(Locale.ROOT, "  starter adds, mean of its JVMs  %+7.2f µs/req%n",
				median(starterRounds.stream().map((round) -> meanOfRole(round, Difference::userMicros)).toList()));
	}

	/**
	 * The same paired differences without the CPU of the JIT compiler threads, with each variant's own
	 * compiling per request, and the targets taken on them.
	 */
	private void printWithoutCompiler(@Nullable Variant baselineAgain, List<Map<Variant, Difference>> starterRounds) {
		this.out.println("without the JIT compiler threads, the same slices (medians over the rounds; "
				+ "in brackets each variant's compiling, µs per request of its slices)");
		for (Variant variant : this.requestsPerSecond.keySet()) {
			List<Difference> differences = pairedDifferences(variant);
			if (!differences.isEmpty() && variant != baselineAgain) {
				this.out.printf(Locale.ROOT, "  %-14s %+7.2f µs/req  [jit %5.2f]%n", variant.label(),
						median(differences.stream().map(Difference::withoutCompilerMicros).toList()),
						median(this.compilerMicros.get(variant)));
			}
		}
		Variant baseline = this.variants.get(Role.BASELINE);
		if (baseline != null) {
			this.out.printf(Locale.ROOT, "  %-14s [jit %5.2f]%n", baseline.label(),
					median(this.compilerMicros.get(baseline)));
		}
		if (baselineAgain != null) {
			List<Difference> spread = pairedDifferences(baselineAgain);
			printSpread(baselineAgain.label() + " against " + baseline.label() + ", without the JIT compiler threads",
					spread.stream().map(Difference::withoutCompilerMicros).toList(),
					spread.stream().map((difference) -> Math.abs(difference.withoutCompilerRatio() - 1) * 100).toList());
		}
		printTargets(
				median(starterRounds.stream().map((round) -> meanOfRole(round, Difference::withoutCompilerMicros))
					.toList()),
				median(starterRounds.stream().map((round) -> meanOfRole(round, Difference::bytes)).toList()),
				median(starterRounds.stream().map((round) -> meanOfRole(round, Difference::withoutCompilerRatio))
					.toList()),
				(variant) -> median(pairedDifferences(variant).stream().map(Difference::withoutCompilerMicros).toList()),
				(variant) -> median(pairedDifferences(variant).stream().map(Difference::bytes).toList()));
	}

	/**
	 * Each paired variant's median difference in CPU per request from the baseline JVMs it was driven with,
	 * the figure a set contributes to {@link SetSummary}.
	 * @return the medians over the rounds, by variant
	 */
	Map<Variant, Double> pairedMedians() {
		return pairedMedians(Difference::cpuMicros);
	}

	/**
	 * The same without the CPU of the JIT compiler threads.
	 * @return the medians over the rounds, by variant
	 */
	Map<Variant, Double> pairedMediansWithoutCompiler() {
		return pairedMedians(Difference::withoutCompilerMicros);
	}

	private Map<Variant, Double> pairedMedians(ToDoubleFunction<Difference> figure) {
		Map<Variant, Double> medians = new EnumMap<>(Variant.class);
		for (Variant variant : this.requestsPerSecond.keySet()) {
			List<Difference> differences = pairedDifferences(variant);
			if (!differences.isEmpty()) {
				medians.put(variant, median(differences.stream().map(figure::applyAsDouble).toList()));
			}
		}
		return medians;
	}

	/**
	 * The paired differences of a variant, one per round in which it ran.
	 * @param variant the variant
	 * @return its differences against its partners, in the order of the rounds
	 */
	List<Difference> pairedDifferences(Variant variant) {
		return this.pairedByRound.values()
			.stream()
			.map((round) -> round.get(variant))
			.filter((difference) -> difference != null)
			.toList();
	}

	private List<Map<Variant, Difference>> roundsWith(Variant... variants) {
		return this.pairedByRound.values()
			.stream()
			.filter((round) -> Arrays.stream(variants).allMatch(round::containsKey))
			.toList();
	}

	private double meanOfRole(Map<Variant, Difference> round, ToDoubleFunction<Difference> value) {
		Variant starterAgain = this.variants.get(Role.STARTER_AGAIN);
		double first = value.applyAsDouble(round.get(this.variants.get(Role.STARTER)));
		return (starterAgain != null) ? (first + value.applyAsDouble(round.get(starterAgain))) / 2 : first;
	}

	/**
	 * A variant's difference from the baseline JVM it was driven with.
	 * @param cpuMicros the CPU per request it adds
	 * @param ratio its CPU per request over the baseline's
	 * @param bytes the bytes per request it adds
	 * @param userMicros the user CPU per request it adds
	 * @param withoutCompilerMicros the CPU per request it adds outside the JIT compiler threads
	 * @param withoutCompilerRatio its CPU per request outside the JIT compiler threads over the baseline's
	 */
	record Difference(double cpuMicros, double ratio, double bytes, double userMicros, double withoutCompilerMicros,
			double withoutCompilerRatio) {
	}

	/**
	 * What one JVM used per request in a round.
	 * @param cpuMicros CPU per request
	 * @param bytes bytes allocated per request
	 * @param userMicros user CPU per request
	 * @param withoutCompilerMicros CPU per request outside the JIT compiler threads
	 */
	record Measured(double cpuMicros, double bytes, double userMicros, double withoutCompilerMicros) {
	}

	/**
	 * How far two JVMs of identical code differ, paired per round: the noise floor of every difference.
	 */
	private void printSpread(Role first, Role second) {
		Variant one = this.variants.get(first);
		Variant other = this.variants.get(second);
		if (one != null && other != null) {
			printSpread(other.label() + " against " + one.label(),
					perRound(this.cpuMicrosByRound, (round) -> round.get(other) - round.get(one)),
					perRound(this.cpuMicrosByRound, (round) -> Math.abs(round.get(other) / round.get(one) - 1) * 100));
		}
	}

	private void printSpread(String what, List<Double> spread, List<Double> relative) {
		this.out.printf(Locale.ROOT, "A/A spread, %s: median %+.2f µs/req, per round %s, "
				+ "|relative| median %.1f %% (max %.1f %%)%n", what, median(spread), format(spread), median(relative),
				relative.stream().mapToDouble(Double::doubleValue).max().orElse(0));
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
		this.out.println("mean of the JVMs of each role against the mean of the baseline JVMs, medians per round");
		printTargets(
				median(perRound(this.cpuMicrosByRound,
						(round) -> starter.applyAsDouble(round) - baseline.applyAsDouble(round))),
				median(perRound(this.allocatedBytesByRound,
						(round) -> starter.applyAsDouble(round) - baseline.applyAsDouble(round))),
				median(perRound(this.cpuMicrosByRound,
						(round) -> starter.applyAsDouble(round) / baseline.applyAsDouble(round))),
				(variant) -> median(perRound(this.cpuMicrosByRound,
						(round) -> round.get(variant) - baseline.applyAsDouble(round))),
				(variant) -> median(perRound(this.allocatedBytesByRound,
						(round) -> round.get(variant) - baseline.applyAsDouble(round))));
	}

	private void printTargets(double starterAdds, double starterBytes, double ratio, ToDoubleFunction<Variant> adds,
			ToDoubleFunction<Variant> addsBytes) {
		this.out.printf(Locale.ROOT, "  starter adds        %+7.2f µs/req  %+7.0f B/req  [<= 2.5 µs]   %s%n",
				starterAdds, starterBytes, verdict(starterAdds <= 2.5));
		this.out.printf(Locale.ROOT, "  starter / disabled  %7.3f                      [<= 1.03]     %s%n", ratio,
				verdict(ratio <= 1.03));
		for (Role role : List.of(Role.SPRING_SESSION, Role.HAND_WRITTEN, Role.STARTER_REDIS)) {
			Variant variant = this.variants.get(role);
			if (variant != null) {
				double added = adds.applyAsDouble(variant);
				String target = (role != Role.SPRING_SESSION) ? ""
						: String.format(Locale.ROOT, "  [starter <= 1/3 of it: %.2f]  %s", added / 3,
								verdict(starterAdds <= added / 3));
				this.out.printf(Locale.ROOT, "  %-14s adds  %+7.2f µs/req  %+7.0f B/req%s%n", variant.label(), added,
						addsBytes.applyAsDouble(variant), target);
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
