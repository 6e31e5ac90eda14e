package dev.cxp.consent;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsentChangedEvent}: a listener tells a change from a repeated choice.
 */
class ConsentChangedEventTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void aChoiceThatMovesTheStateIsAChange() {
		assertThat(new ConsentChangedEvent("v", ConsentState.GRANTED, ConsentState.DENIED, "cookie", NOW).isChange())
			.isTrue();
		assertThat(new ConsentChangedEvent("v", ConsentState.UNSPECIFIED, ConsentState.GRANTED, "cookie", NOW)
			.isChange()).isTrue();
	}

	@Test
	void aRepeatedChoiceIsNoChange() {
		assertThat(new ConsentChangedEvent("v", ConsentState.GRANTED, ConsentState.GRANTED, "cookie", NOW).isChange())
			.isFalse();
	}

}
