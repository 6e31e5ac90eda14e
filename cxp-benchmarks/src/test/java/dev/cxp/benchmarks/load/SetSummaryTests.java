package dev.cxp.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link SetSummary}.
 */
class SetSummaryTests {

	@Test
	void theIntervalIsStudentsForTheNumberOfSets() {
		SetSummary.Interval interval = SetSummary.Interval.of(List.of(1.0, 2.0, 3.0, 4.0));
		assertThat(interval.mean()).isCloseTo(2.5, within(1e-9));
		assertThat(interval.standardDeviation()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-9));
		// Three degrees of freedom: t = 3.182, the standard error sd / 2
		assertThat(interval.halfWidth()).isCloseTo(3.182 * Math.sqrt(5.0 / 3) / 2, within(1e-9));
		assertThat(SetSummary.Interval.of(List.of(7.0)).halfWidth()).isInfinite();
	}

	@Test
	void theStarterIsComparedWithTheHandWrittenLimitSetBySet() {
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		SetSummary summary = new SetSummary(new PrintStream(written, true, StandardCharsets.UTF_8),
				"median paired difference");
		summary.add(Map.of(Variant.USER_STARTER, 4.0, Variant.USER_STARTER_AGAIN, 2.0, Variant.USER_HAND_WRITTEN, 1.0));
		summary.add(Map.of(Variant.USER_STARTER, 1.0, Variant.USER_STARTER_AGAIN, 3.0, Variant.USER_HAND_WRITTEN, 3.0));
		summary.print();
		String printed = written.toString(StandardCharsets.UTF_8);
		assertThat(printed).startsWith("over 2 sets, each of new JVMs: each variant's median paired difference per set")
			.containsPattern("starter +mean +\\+2\\.50 µs/req .* per set \\[\\+4\\.00, \\+1\\.00\\]")
			.containsPattern("hand-written +mean +\\+2\\.00 µs/req")
			// The starter's two JVMs averaged, then the limit taken off: +2.00 and -1.00
			.containsPattern("starter minus hand-written +mean +\\+0\\.50 µs/req .* per set \\[\\+2\\.00, -1\\.00\\]");
	}

}
