package dev.cxp.benchmarks.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CpuTicks}: reading {@code /proc/.../stat} lines and taking differences.
 */
class CpuTicksTests {

	// A JVM's C2 compiler thread as Linux reports it: 1,234 user and 56 system ticks, started 987,654 ticks
	// after boot
	private static final String COMPILER_THREAD = "4242 (C2 CompilerThre) S 4200 4200 4100 0 -1 1077936192 "
			+ "3000 0 0 0 1234 56 0 0 20 0 40 0 987654 5000000000 60000 18446744073709551615 1 1 0 0 0 0 0 "
			+ "4096 0 0 0 0 -1 1 0 0 0 0 0";

	@Test
	void aStatLineGivesItsTicksNameAndStartEvenWhenTheNameHoldsSpacesAndParentheses() {
		String odd = COMPILER_THREAD.replace("(C2 CompilerThre)", "(a) b (c)");
		assertThat(CpuTicks.parse(odd)).isEqualTo(new CpuTicks(1234, 56));
		assertThat(CpuTicks.name(odd)).isEqualTo("a) b (c");
		assertThat(CpuTicks.startTime(odd)).isEqualTo(987654);
	}

	@Test
	void compilerThreadsAreToldApartByTheNameHotSpotGivesThem() {
		assertThat(CpuTicks.isCompilerThread(COMPILER_THREAD)).isTrue();
		assertThat(CpuTicks.isCompilerThread(COMPILER_THREAD.replace("C2 CompilerThre", "C1 CompilerThre"))).isTrue();
		assertThat(CpuTicks.isCompilerThread(COMPILER_THREAD.replace("C2 CompilerThre", "http-nio-18081-"))).isFalse();
		assertThat(CpuTicks.isCompilerThread(COMPILER_THREAD.replace("C2 CompilerThre", "GC Thread#0"))).isFalse();
	}

	@Test
	void theCompilerShareIsPartOfTheTotalAndTakenApartPartByPart() {
		CpuTicks earlier = new CpuTicks(100, 40, 30);
		CpuTicks later = new CpuTicks(180, 60, 45);
		CpuTicks spent = later.minus(earlier);
		assertThat(spent).isEqualTo(new CpuTicks(80, 20, 15));
		assertThat(spent.total()).isEqualTo(100);
		assertThat(spent.withoutCompiler()).isEqualTo(85);
	}

}
