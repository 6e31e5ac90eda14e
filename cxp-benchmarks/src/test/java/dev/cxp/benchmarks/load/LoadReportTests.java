package dev.cxp.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link LoadReport}'s paired differences and their summary.
 */
class LoadReportTests {

	private static final long TICKS_PER_SECOND = 100;

	@Test
	void aPairedDifferenceIsTakenAgainstTheBaselineJvmDrivenInTheSameSlice() {
		LoadReport report = new LoadReport(TICKS_PER_SECOND, new PrintStream(OutputStream.nullOutputStream()));
		// 1,000 requests each: a tick (10 ms) is 10 µs per request
		report.addPair(1, Variant.USER_STARTER, result(1000), new CpuTicks(5, 3), 20_000_000, Variant.USER_DISABLED,
				result(1000), new CpuTicks(3, 4), 19_000_000, "0");
		report.addPair(1, Variant.USER_STARTER_AGAIN, result(1000), new CpuTicks(5, 4), 20_500_000,
				Variant.USER_DISABLED_AGAIN, result(1000), new CpuTicks(5, 4), 19_500_000, "0");
		report.addPair(2, Variant.USER_STARTER, result(2000), new CpuTicks(8, 6), 40_000_000,
				Variant.USER_DISABLED_AGAIN, result(1000), new CpuTicks(4, 2), 19_000_000, "0");
		assertThat(report.pairedDifferences(Variant.USER_STARTER)).hasSize(2).satisfiesExactly((first) -> {
			assertThat(first.cpuMicros()).isCloseTo(10.0, within(1e-9));
			assertThat(first.ratio()).isCloseTo(80.0 / 70.0, within(1e-9));
			assertThat(first.bytes()).isCloseTo(1000.0, within(1e-9));
			// User time alone: 50 against 30 µs per request
			assertThat(first.userMicros()).isCloseTo(20.0, within(1e-9));
		}, (second) -> {
			assertThat(second.cpuMicros()).isCloseTo(10.0, within(1e-9));
			assertThat(second.bytes()).isCloseTo(1000.0, within(1e-9));
			// 80 ticks over 2,000 requests against 40 over 1,000: the same user time per request
			assertThat(second.userMicros()).isCloseTo(0.0, within(1e-9));
		});
		assertThat(report.pairedDifferences(Variant.USER_STARTER_AGAIN)).singleElement()
			.satisfies((difference) -> assertThat(difference.cpuMicros()).isCloseTo(0.0, within(1e-9)));
		assertThat(report.pairedDifferences(Variant.USER_DISABLED)).isEmpty();
		// What a set of JVMs gives the summary over sets: the median of each paired variant's differences
		assertThat(report.pairedMedians()).containsOnlyKeys(Variant.USER_STARTER, Variant.USER_STARTER_AGAIN)
			.hasEntrySatisfying(Variant.USER_STARTER, (median) -> assertThat(median).isCloseTo(10.0, within(1e-9)))
			.hasEntrySatisfying(Variant.USER_STARTER_AGAIN, (median) -> assertThat(median).isCloseTo(0.0, within(1e-9)));
	}

	@Test
	void theSummaryComparesTheSlicesByUserTimeAloneWithItsOwnSpread() {
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		LoadReport report = new LoadReport(TICKS_PER_SECOND, new PrintStream(written, true, StandardCharsets.UTF_8));
		// The same total CPU for the second starter JVM and the two baseline JVMs, different user time
		report.addPair(1, Variant.USER_STARTER, result(1000), new CpuTicks(6, 2), 20_000_000, Variant.USER_DISABLED,
				result(1000), new CpuTicks(4, 2), 19_000_000, "0");
		report.addPair(1, Variant.USER_STARTER_AGAIN, result(1000), new CpuTicks(5, 2), 20_000_000,
				Variant.USER_DISABLED_AGAIN, result(1000), new CpuTicks(4, 3), 19_000_000, "0");
		report.addPair(1, Variant.USER_DISABLED_AGAIN, result(1000), new CpuTicks(4, 2), 19_000_000,
				Variant.USER_DISABLED, result(1000), new CpuTicks(3, 3), 19_000_000, "0");
		report.printSummary();
		String summary = written.toString(StandardCharsets.UTF_8);
		String userTime = summary.substring(summary.indexOf("user CPU time only"));
		assertThat(userTime).containsPattern("starter +\\+20\\.00 µs/req")
			.containsPattern("starter-again +\\+10\\.00 µs/req")
			.contains("A/A spread, disabled-again: median +10.00 µs/req")
			.containsPattern("starter adds, mean of its JVMs +\\+15\\.00 µs/req");
		// The total, in the same slices: +20 and 0 µs, the A/A spread 0
		assertThat(summary).containsPattern("starter adds +\\+10\\.00 µs/req")
			.contains("A/A spread, disabled-again against disabled: median +0.00 µs/req");
	}

	@Test
	void theSummaryLeavesOutTheJitCompilerThreadsAndTakesTheTargetsOnWhatIsLeft() {
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		LoadReport report = new LoadReport(TICKS_PER_SECOND, new PrintStream(written, true, StandardCharsets.UTF_8));
		// 1,000 requests each, a tick is 10 µs per request. The starter's JVM spends 4 of its 10 ticks compiling:
		// +30 µs in all, -10 µs without the compiler, against a baseline that compiles 1 of its 7 ticks
		report.addPair(1, Variant.USER_STARTER, result(1000), new CpuTicks(8, 2, 4), 20_000_000,
				Variant.USER_DISABLED, result(1000), new CpuTicks(5, 2, 1), 19_000_000, "0");
		report.addPair(1, Variant.USER_SPRING_SESSION, result(1000), new CpuTicks(12, 2, 2), 24_000_000,
				Variant.USER_DISABLED, result(1000), new CpuTicks(6, 2, 2), 19_000_000, "0");
		assertThat(report.pairedDifferences(Variant.USER_STARTER)).singleElement().satisfies((difference) -> {
			assertThat(difference.cpuMicros()).isCloseTo(30.0, within(1e-9));
			assertThat(difference.withoutCompilerMicros()).isCloseTo(0.0, within(1e-9));
			assertThat(difference.withoutCompilerRatio()).isCloseTo(1.0, within(1e-9));
		});
		assertThat(report.pairedMediansWithoutCompiler())
			.hasEntrySatisfying(Variant.USER_SPRING_SESSION, (median) -> assertThat(median).isCloseTo(60.0, within(1e-9)));
		report.printSummary();
		String summary = written.toString(StandardCharsets.UTF_8);
		String withoutCompiler = summary.substring(summary.indexOf("without the JIT compiler threads"),
				summary.indexOf("each role as the mean"));
		assertThat(withoutCompiler).containsPattern("starter +\\+0\\.00 µs/req  \\[jit 40\\.00\\]")
			.containsPattern("disabled +\\[jit 15\\.00\\]")
			.containsPattern("starter adds +\\+0\\.00 µs/req")
			.containsPattern("spring-session adds +\\+60\\.00 µs/req .*1/3 of it: 20\\.00\\]  met");
		// With the compiler the starter misses a third of Spring Session (+30 against 60 / 3)
		assertThat(summary.substring(summary.indexOf("each role as the mean")))
			.containsPattern("starter adds +\\+30\\.00 µs/req")
			.containsPattern("spring-session adds +\\+60\\.00 µs/req .*1/3 of it: 20\\.00\\]  MISSED");
	}

	private static Wrk.Result result(long requests) {
		return new Wrk.Result(requests, 10_000_000, 5_000, 0);
	}

}
