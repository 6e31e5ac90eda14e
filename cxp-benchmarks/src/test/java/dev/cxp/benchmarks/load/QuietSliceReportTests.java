package dev.cxp.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link QuietSliceReport}.
 */
class QuietSliceReportTests {

	private final ByteArrayOutputStream written = new ByteArrayOutputStream();

	// 100 ticks a second: a tick is 10,000 µs, so 1,000 requests make each tick 10 µs per request
	private final QuietSliceReport report = new QuietSliceReport(100,
			new PrintStream(this.written, true, StandardCharsets.UTF_8));

	@Test
	void eachVariantIsComparedWithItselfOnTheQuietPages() {
		add(1, Variant.USER_STARTER, true, 7, 1, 30_000);
		add(1, Variant.USER_STARTER, false, 6, 1, 29_000);
		add(2, Variant.USER_STARTER, false, 5, 1, 29_000);
		add(2, Variant.USER_STARTER, true, 8, 1, 30_000);
		// A round with one slice only is no difference
		add(3, Variant.USER_STARTER, true, 9, 0, 30_000);
		assertThat(this.report.differences(Variant.USER_STARTER, QuietSliceReport.Slice::cpuMicros))
			.containsOnlyKeys(1, 2)
			.hasEntrySatisfying(1, (difference) -> assertThat(difference).isCloseTo(10.0, within(1e-9)))
			.hasEntrySatisfying(2, (difference) -> assertThat(difference).isCloseTo(30.0, within(1e-9)));
		assertThat(this.report.differences(Variant.USER_STARTER, QuietSliceReport.Slice::bytes))
			.containsValues(1.0, 1.0);
	}

	@Test
	void theBaselinesOwnDifferenceIsTakenOffRoundByRound() {
		add(1, Variant.USER_STARTER, true, 7, 0, 30_000);
		add(1, Variant.USER_STARTER, false, 6, 0, 29_000);
		add(1, Variant.USER_DISABLED, true, 6, 0, 28_000);
		add(1, Variant.USER_DISABLED, false, 6, 0, 28_000);
		add(2, Variant.USER_STARTER, false, 5, 0, 29_000);
		add(2, Variant.USER_STARTER, true, 8, 0, 30_000);
		add(2, Variant.USER_DISABLED, false, 4, 0, 28_000);
		add(2, Variant.USER_DISABLED, true, 6, 0, 28_000);
		this.report.printSummary();
		String printed = this.written.toString(StandardCharsets.UTF_8);
		assertThat(printed).containsPattern("round 2  starter +quiet pages .* cpu +50\\.00 µs/req")
			// Own: +10 and +30; the baseline's own: 0 and +20; net: +10 both rounds
			.containsPattern("\\n  starter +mean +\\+20\\.00 .* median +\\+20\\.00")
			.containsPattern("the path's cost in its JVM\\)\\n  starter +mean +\\+10\\.00 +sd +0\\.00")
			// Quiet pages: 60 against 60, 50 against 40
			.containsPattern("without the path\\)\\n  starter +mean +\\+5\\.00 .* median +\\+5\\.00");
		// A set's figures for the summary over sets: the medians of the same
		assertThat(this.report.pathCosts()).containsOnlyKeys(Variant.USER_STARTER)
			.hasEntrySatisfying(Variant.USER_STARTER, (cost) -> assertThat(cost).isCloseTo(10.0, within(1e-9)));
		assertThat(this.report.quietCosts()).containsOnlyKeys(Variant.USER_STARTER)
			.hasEntrySatisfying(Variant.USER_STARTER, (cost) -> assertThat(cost).isCloseTo(5.0, within(1e-9)));
	}

	@Test
	void aSliceWithErrorsIsNotCounted() {
		assertThatIllegalStateException().isThrownBy(() -> this.report.add(1, Variant.USER_STARTER, true,
				new Wrk.Result(1_000, 10_000_000, 2_000, 3), new CpuTicks(6, 1), 1_000, "1.00 1.00 1.00"));
	}

	private void add(int round, Variant variant, boolean pages, long userTicks, long systemTicks, long bytes) {
		this.report.add(round, variant, pages, new Wrk.Result(1_000, 10_000_000, 2_000, 0),
				new CpuTicks(userTicks, systemTicks), bytes, "1.00 1.00 1.00");
	}

}
