package dev.cxp.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link ProfileSummary}.
 */
class ProfileSummaryTests {

	private static final String REQUEST = "java/lang/Thread.run;org/apache/catalina/connector/CoyoteAdapter.service;"
			+ "org/springframework/web/servlet/HandlerExecutionChain.applyPreHandle;";

	@TempDir
	Path directory;

	@Test
	void starterPathIsEveryStackWithAStarterFrameFromItsOutermostOne() throws Exception {
		ProfileSummary summary = read(List.of(
				REQUEST + "dev/cxp/visitor/VisitorIdentityInterceptor.preHandle;java/lang/String.equals 30",
				REQUEST + "org/example/Other.preHandle;java/lang/String.equals 50",
				"GCTaskThread::run 20"), 1000, 100);
		assertThat(summary.starterCost()).isCloseTo(300.0, within(1e-9));
		assertThat(summary.cost("java/lang/String.equals")).isCloseTo(800.0, within(1e-9));
		assertThat(summary.cost("java/lang/Thread.run")).isCloseTo(800.0, within(1e-9));
	}

	@Test
	void framesOfGeneratedClassesCompareWhateverTheirNumbers() throws Exception {
		ProfileSummary summary = read(List.of(
				REQUEST + "dev/cxp/session/Store$$Lambda$1240.0x00007fb5284df910.apply 3",
				REQUEST + "dev/cxp/session/Store$$Lambda$87/0x0000000800c01234.apply 2",
				REQUEST + "java/lang/invoke/LambdaForm$MH.0x00007fb92011d800.invoke 4"), 1, 1);
		assertThat(summary.cost("dev/cxp/session/Store$$Lambda.apply")).isEqualTo(5.0);
		assertThat(summary.cost("java/lang/invoke/LambdaForm$MH.invoke")).isEqualTo(4.0);
	}

	@Test
	void aFrameRecurringInAStackIsCountedOnceInItsTotal() throws Exception {
		ProfileSummary summary = read(List.of(REQUEST + "dev/cxp/A.run;dev/cxp/B.run;dev/cxp/A.run 7"), 1, 1);
		assertThat(summary.cost("dev/cxp/A.run")).isEqualTo(7.0);
		assertThat(summary.starterCost()).isEqualTo(7.0);
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(LoadReport.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
		assertThat(LoadReport.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
	}

	private ProfileSummary read(List<String> lines, double weightUnit, long requests) throws Exception {
		Path file = this.directory.resolve("profile.collapsed");
		Files.write(file, lines);
		return ProfileSummary.read(file, weightUnit, requests);
	}

}
