package dev.cxp.hostile;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks what was logged while hostile values were tried: the starter's own loggers never write a value
 * that came from a request, and no logger at all writes one that holds a raw CR or LF (a forged log line).
 */
final class LogLines {

	// Boot's console pattern: "... [thread] logger : message"; a starter logger is dev.cxp... or abbreviated d.c...
	private static final Pattern STARTER_LINE = Pattern.compile("\\]\\s+(dev\\.cxp|d\\.c\\.)\\S*\\s+:");

	private LogLines() {
	}

	static void assertNoInputLogged(CapturedOutput output, List<String> traceable, String replay) {
		String all = output.getAll();
		List<String> starterLines = all.lines().filter((line) -> STARTER_LINE.matcher(line).find()).toList();
		for (String value : traceable) {
			assertThat(starterLines).as("starter log line with input" + replay + " " + HostileInput.describe(value))
				.noneMatch((line) -> line.contains(value));
			if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
				assertThat(all).as("raw CR/LF from input logged" + replay + " " + HostileInput.describe(value))
					.doesNotContain(value);
			}
		}
	}

}
