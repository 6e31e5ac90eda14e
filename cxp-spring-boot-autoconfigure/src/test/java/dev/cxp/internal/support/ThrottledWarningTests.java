package dev.cxp.internal.support;

import java.time.Duration;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ThrottledWarning}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ThrottledWarningTests {

	@Test
	void warnsOncePerIntervalWithTypeOnly(CapturedOutput output) {
		ThrottledWarning warning = new ThrottledWarning(LogFactory.getLog(ThrottledWarningTests.class),
				Duration.ofHours(1));
		for (int i = 0; i < 100; i++) {
			warning.warn("Store down", new IllegalStateException("value=secret\r\nforged line"));
		}
		String log = output.getOut() + output.getErr();
		assertThat(log.split("Store down", -1)).hasSize(2);
		assertThat(log).contains("java.lang.IllegalStateException").doesNotContain("secret").doesNotContain("forged");
	}

	@Test
	void warnsAgainAfterTheIntervalCountingWhatWasSuppressed(CapturedOutput output) {
		ThrottledWarning warning = new ThrottledWarning(LogFactory.getLog(ThrottledWarningTests.class),
				Duration.ZERO);
		warning.warn("Resolver failed", new RuntimeException());
		warning.warn("Resolver failed", new RuntimeException());
		assertThat((output.getOut() + output.getErr()).split("Resolver failed", -1)).hasSize(3);
	}

}
