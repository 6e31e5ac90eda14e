package dev.cxp.mutation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Scores per package read from a PIT report, and the threshold each package must reach on its own.
 */
class PackageMutationScoresTests {

	@Test
	void detectedMutantsAreKilledAndNonViableOnesAreNotCounted() throws IOException {
		PackageMutationScores scores = PackageMutationScores.read(report(
				mutation("a.b.One", "true", "KILLED"), mutation("a.b.One", "true", "TIMED_OUT"),
				mutation("a.b.One$Inner", "false", "SURVIVED"), mutation("a.b.Two", "false", "NO_COVERAGE"),
				mutation("a.b.Two", "false", "NON_VIABLE"), mutation("a.c.Three", "true", "KILLED")));
		assertThat(scores.score("a.b")).isEqualTo("2/4");
		assertThat(scores.score("a.c")).isEqualTo("1/1");
	}

	@Test
	void eachPackageMustReachTheThresholdOnItsOwn() throws IOException {
		PackageMutationScores scores = PackageMutationScores.read(report(
				mutation("strong.A", "true", "KILLED"), mutation("strong.A", "true", "KILLED"),
				mutation("strong.A", "true", "KILLED"), mutation("strong.A", "true", "KILLED"),
				mutation("strong.A", "true", "KILLED"), mutation("strong.A", "true", "KILLED"),
				mutation("strong.A", "true", "KILLED"), mutation("strong.A", "true", "KILLED"),
				mutation("strong.A", "true", "KILLED"), mutation("strong.A", "false", "SURVIVED"),
				mutation("weak.B", "true", "KILLED"), mutation("weak.B", "false", "SURVIVED")));
		// 10 of 12 overall would pass 80 %, but one package kills only half.
		assertThat(scores.below(80)).containsExactly("weak");
		assertThat(scores.below(90)).containsExactly("weak");
		assertThat(scores.below(91)).containsExactly("strong", "weak");
		assertThat(scores.below(50)).isEmpty();
	}

	@Test
	void printsEveryPackageAndTheSurvivorsOfFailingOnes() throws IOException {
		PackageMutationScores scores = PackageMutationScores.read(report(mutation("strong.A", "true", "KILLED"),
				mutation("weak.B", "false", "SURVIVED")));
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		scores.print(new PrintStream(printed, true, StandardCharsets.UTF_8), 90);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("strong", "1/1", "100.0 %")
			.contains("weak", "0/1", "0.0 %")
			.contains("all", "1/2", "50.0 %")
			.contains("Survivors in weak")
			.contains("B:7 SURVIVED changed conditional boundary")
			.doesNotContain("Survivors in strong");
	}

	@Test
	void anEmptyReportFails() {
		assertThatIllegalStateException().isThrownBy(() -> PackageMutationScores.read(report()))
			.withMessageContaining("no mutants");
	}

	@Test
	void somethingElseThanAReportFails() {
		assertThatIOException().isThrownBy(() -> PackageMutationScores
			.read(new ByteArrayInputStream("not xml".getBytes(StandardCharsets.UTF_8))));
	}

	private static InputStream report(String... mutations) {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"true\">\n"
				+ String.join("\n", mutations) + "\n</mutations>\n";
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static String mutation(String mutatedClass, String detected, String status) {
		String simpleName = mutatedClass.substring(mutatedClass.lastIndexOf('.') + 1);
		return "<mutation detected='" + detected + "' status='" + status + "' numberOfTestsRun='1'><sourceFile>"
				+ simpleName + ".java</sourceFile><mutatedClass>" + mutatedClass
				+ "</mutatedClass><mutatedMethod>m</mutatedMethod><methodDescription>()V</methodDescription>"
				+ "<lineNumber>7</lineNumber><mutator>ConditionalsBoundaryMutator</mutator><indexes><index>1</index>"
				+ "</indexes><blocks><block>0</block></blocks><killingTest/>"
				+ "<description>changed conditional boundary</description></mutation>";
	}

}
