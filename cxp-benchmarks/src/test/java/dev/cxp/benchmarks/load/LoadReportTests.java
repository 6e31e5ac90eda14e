package dev.cxp.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link LoadReport}: figures per request, paired per round against the disabled app, and the
 * noise floor that decides what a CPU difference may say.
 */
class LoadReportTests {

	private static final long REQUESTS = 1000;

	private final ByteArrayOutputStream written = new ByteArrayOutputStream();

	private final LoadReport report = new LoadReport(5, new PrintStream(this.written, true, StandardCharsets.UTF_8));

	@Test
	void eachVariantIsTakenPerRequestAndAgainstTheDisabledAppOfTheSameRound() {
		// The machine is a fifth slower in the second round, for every variant alike
		round(50, 18_000, 50, 52, 72, 51);
		round(60, 18_000, 60, 62.4, 86.4, 61.2);
		assertThat(this.report.median(Variant.STARTER, LoadReport.Round::cpuMicros)).isCloseTo(57.2, within(1e-9));
		assertThat(this.report.median(Variant.STARTER, LoadReport.Round::bytes)).isCloseTo(19_000, within(1e-9));
		assertThat(this.report.cpuRatio(Variant.STARTER)).isCloseTo(1.04, within(1e-9));
		assertThat(this.report.addedCpuMicros(Variant.STARTER)).isCloseTo(2.2, within(1e-9));
		assertThat(this.report.addedBytes(Variant.STARTER)).isCloseTo(1_000, within(1e-9));
		assertThat(this.report.cpuRatio(Variant.SPRING_SESSION)).isCloseTo(1.44, within(1e-9));
		assertThat(this.report.addedBytes(Variant.SPRING_SESSION)).isCloseTo(5_000, within(1e-9));
		assertThat(this.report.cpuRatio(Variant.DISABLED)).isEqualTo(1.0);
		assertThat(output())
			.contains("round 2  starter            1,000 requests  cpu   62.40 µs/req  alloc   19000 B/req");
	}

	@Test
	void aVariantIsComparedWithTheDisabledAppOfItsOwnRoundNotWithTheMedianOfAllRounds() {
		// The machine's speed changes between rounds; the starter costs a tenth, a twentieth and nothing more
		round(50, 18_000, 50, 55, 60, 50);
		round(100, 18_000, 100, 105, 120, 100);
		round(60, 18_000, 60, 60, 72, 60);
		// Its median (60) against the disabled app's median (60) would say it costs nothing
		assertThat(this.report.cpuRatio(Variant.STARTER)).isCloseTo(1.05, within(1e-9));
		assertThat(this.report.addedCpuMicros(Variant.STARTER)).isCloseTo(5.0, within(1e-9));
	}

	@Test
	void theNoiseFloorIsTheStatedOneOrTheAaPairWhereThatIsLarger() {
		round(50, 18_000, 50.5, 55, 60, 51);
		assertThat(this.report.noiseFloorPercent()).isCloseTo(5.0, within(1e-9));
		LoadReport noisy = new LoadReport(5, new PrintStream(OutputStream.nullOutputStream()));
		for (Variant variant : Variant.values()) {
			add(noisy, variant, (variant == Variant.DISABLED_AGAIN) ? 54 : 50, 18_000);
		}
		assertThat(noisy.noiseFloorPercent()).isCloseTo(8.0, within(1e-9));
	}

	@Test
	void aStarterWithinTheNoiseFloorIsJudgedByAllocationAndJmh() {
		// The starter at x1.04, inside an A/A pair of x1.06
		round(50, 18_000, 53, 52, 58, 51);
		this.report.printSummary();
		assertThat(output()).contains("noise floor 6.0 % (stated 5.0 %; A/A, disabled-again over disabled, x1.060)")
			.contains("starter over disabled x1.040: within the noise floor, "
					+ "judge it by allocation per request and JMH");
	}

	@Test
	void aStarterAboveTheNoiseFloorIsSaidToBeAndSharesAreTakenOfSpringSessionsAddedCost() {
		// The starter adds 10 µs and 1,000 B, Spring Session 20 µs and 5,000 B
		round(100, 18_000, 101, 110, 120, 103);
		this.report.printSummary();
		assertThat(output()).contains("starter over disabled x1.100: above the noise floor (+10.0 % against 5.0 %)")
			.contains("starter's added cost as a share of Spring Session's: cpu 0.50, allocation 0.20")
			.containsPattern("starter +110\\.00 +19000 +1\\.100 +\\+10\\.00 +\\+1000");
	}

	@Test
	void aRoundWithErrorsStopsTheComparison() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.report.add(Variant.STARTER, new Wrk.Result(REQUESTS, 1),
					new ServerJvm.Usage(50_000_000, 18_000_000)))
			.withMessageContaining("starter: 1 errors");
	}

	@Test
	void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(LoadReport.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
		assertThat(LoadReport.median(new double[] { 3, 1, 2 })).isEqualTo(2);
	}

	/**
	 * One round of every variant, in µs of CPU per request; allocation: the disabled JVMs' bytes per request,
	 * the starter 1,000 B more, Spring Session 5,000 B more, the hand-written limit 500 B more.
	 */
	private void round(double disabled, double bytes, double disabledAgain, double starter, double springSession,
			double handWritten) {
		add(this.report, Variant.DISABLED, disabled, bytes);
		add(this.report, Variant.DISABLED_AGAIN, disabledAgain, bytes);
		add(this.report, Variant.STARTER, starter, bytes + 1_000);
		add(this.report, Variant.SPRING_SESSION, springSession, bytes + 5_000);
		add(this.report, Variant.HAND_WRITTEN, handWritten, bytes + 500);
	}

	private static void add(LoadReport report, Variant variant, double cpuMicros, double bytes) {
		report.add(variant, new Wrk.Result(REQUESTS, 0),
				new ServerJvm.Usage(Math.round(cpuMicros * 1000 * REQUESTS), Math.round(bytes * REQUESTS)));
	}

	private String output() {
		return this.written.toString(StandardCharsets.UTF_8);
	}

}
