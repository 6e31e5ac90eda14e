package dev.cxp.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Wrk}'s script and the result it prints.
 */
class WrkTests {

	@Test
	void theScriptSendsEachVisitorsCookiesAsNavigationsOfBothPages(@TempDir Path directory) throws Exception {
		Path script = Wrk.writeScript(directory, "starter", List.of("/", "/about"),
				List.of("_mspi=0123456789abcdef0123456789abcdef", "SESSION=abc; visitor=def"));
		assertThat(script).hasFileName("starter.lua");
		assertThat(Files.readString(script))
			.contains("\"_mspi=0123456789abcdef0123456789abcdef\",\n  \"SESSION=abc; visitor=def\"")
			.contains("local pages = { \"/\", \"/about\" }")
			.contains("[\"Sec-Fetch-Dest\"] = \"document\"")
			.contains("io.write(string.format(\"RESULT %d %d\\n\"");
	}

	@Test
	void theResultLineGivesRequestsAndErrors() {
		assertThat(Wrk.Result.parse("RESULT 200000 3")).isEqualTo(new Wrk.Result(200_000, 3));
	}

}
