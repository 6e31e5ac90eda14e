package dev.cxp.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README a newcomer can finish: at most 300 lines, and within its first 60 the two commands they need, the
 * one that runs the sample and the one that runs every test, which is the very command the build server runs.
 */
class DocsReadmeTests {

	private static final String RUN_THE_SAMPLE = "mvn -pl cxp-sample-app -am spring-boot:run";

	private static final List<String> lines = Arrays.asList(Docs.read(Path.of("README.md")).split("\n", -1));

	@Test
	void theReadmeIsAtMost300Lines() {
		assertThat(lines.size()).isLessThanOrEqualTo(300);
	}

	@Test
	void theReadmeShowsHowToRunTheSampleWithinItsFirst60Lines() {
		assertThat(lines.subList(0, 60)).contains(RUN_THE_SAMPLE);
	}

	@Test
	void theReadmeShowsTheBuildServersTestCommandWithinItsFirst60Lines() throws IOException {
		String testCommand = Files.readAllLines(Docs.ROOT.resolve(".ci/run"))
			.stream()
			.filter((line) -> line.startsWith("mvn "))
			.findFirst()
			.orElseThrow(() -> new AssertionError(".ci/run runs no mvn command"));
		assertThat(testCommand).isEqualTo("mvn -B verify");
		assertThat(lines.subList(0, 60)).contains(testCommand);
	}

}
