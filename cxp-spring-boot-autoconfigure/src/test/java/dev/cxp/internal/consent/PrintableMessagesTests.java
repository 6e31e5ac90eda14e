package dev.cxp.internal.consent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentState;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Messages that quote a configured or requested value show it printable: every character outside printable
 * ASCII ({@code ' '} to {@code '~'}) becomes {@code ?}, so that no control character, line break included,
 * reaches a log, and at most 40 characters of it are quoted.
 */
class PrintableMessagesTests {

	/**
	 * The characters on both sides of each bound of printable ASCII, with a line break and a non-ASCII letter.
	 */
	private static final String HOSTILE = "a\u001f \r\n~\u007f\u00e9z";

	private static final String SHOWN = "a? ??~??z";

	private static final String LONG = "x".repeat(40) + "TAIL";

	@Test
	void aRegionCodeIsQuotedPrintable() {
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCodes.canonical("cxp.consent.regions.x", HOSTILE))
			.withMessage("cxp.consent.regions.x: '" + SHOWN + "' is not a region; use an ISO 3166-1 alpha-2 country "
					+ "code (DE), an ISO 3166-2 subdivision code (US-CA) or EEA");
	}

	@Test
	void aRegionCodeIsQuotedToFortyCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCodes.canonical("cxp.consent.regions.x", LONG))
			.withMessageStartingWith("cxp.consent.regions.x: '" + "x".repeat(40) + "' is not a region");
	}

	@Test
	void aPurposeNameIsQuotedPrintable() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentPurposes.of(List.of(HOSTILE), HOSTILE))
			.withMessage("cxp.consent.purposes: '" + SHOWN + "' is not a purpose name; use 1 to 32 characters of "
					+ "a-z, 0-9, _ and -");
	}

	@Test
	void aPurposeNameIsQuotedToFortyCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentPurposes.of(List.of(LONG), LONG))
			.withMessageStartingWith("cxp.consent.purposes: '" + "x".repeat(40) + "' is not a purpose name");
	}

	@Test
	void aTrackingPurposeIsQuotedPrintable() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentPurposes.of(List.of("analytics"), HOSTILE))
			.withMessage("cxp.consent.tracking-purpose '" + SHOWN + "' must be one of cxp.consent.purposes [analytics]");
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentPurposes.of(List.of("analytics"), LONG))
			.withMessageStartingWith("cxp.consent.tracking-purpose '" + "x".repeat(40) + "' must be");
	}

	@Test
	void anUnknownPurposeOfADecisionIsQuotedPrintable() {
		ConsentPurposes purposes = ConsentPurposes.defaults();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> purposes.decision(Map.of(HOSTILE, ConsentState.GRANTED), "test"))
			.withMessage("'" + SHOWN + "' is not a configured purpose");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> purposes.decision(Map.of(LONG, ConsentState.GRANTED), "test"))
			.withMessage("'" + "x".repeat(40) + "' is not a configured purpose");
	}

}
