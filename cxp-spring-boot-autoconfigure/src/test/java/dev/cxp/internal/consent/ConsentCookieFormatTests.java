package dev.cxp.internal.consent;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.consent.ConsentState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConsentCookieFormat} and {@link PurposeStates}.
 */
class ConsentCookieFormatTests {

	private static final String RECEIPT = "0123456789abcdef0123456789abcdef";

	private static final ConsentPurposes PURPOSES = ConsentPurposes
		.of(List.of("analytics", "ads", "personalization"), "analytics");

	private final ConsentCookieFormat format = new ConsentCookieFormat(PURPOSES, "3");

	@Test
	void formatWritesConfiguredOrderAndOmitsUnspecified() {
		String value = this.format.format(new ConsentCookie("3",
				Map.of("personalization", ConsentState.DENIED, "analytics", ConsentState.GRANTED), null));
		assertThat(value).isEqualTo("1.3.analytics:g~personalization:d");
		assertThat(this.format.format(new ConsentCookie("3", Map.of("ads", ConsentState.GRANTED), RECEIPT)))
			.isEqualTo("1.3.ads:g." + RECEIPT);
	}

	@Test
	void parseReadsWhatFormatWrote() {
		ConsentCookie cookie = new ConsentCookie("2024-06", Map.of("analytics", ConsentState.GRANTED, "ads",
				ConsentState.DENIED, "personalization", ConsentState.GRANTED), RECEIPT);
		assertThat(this.format.parse(this.format.format(cookie))).isEqualTo(cookie);
		ConsentCookie noReceipt = new ConsentCookie("x_1", Map.of("ads", ConsentState.DENIED), null);
		assertThat(this.format.parse(this.format.format(noReceipt))).isEqualTo(noReceipt);
	}

	@Test
	void everyValueIsCookieOctetsOnlyAndEightPurposesStayWellUnder200Bytes() {
		List<String> names = List.of("analytics", "ads", "ad_user_data", "ad_personalization", "personalization",
				"functionality", "security", "social");
		ConsentCookieFormat eight = new ConsentCookieFormat(ConsentPurposes.of(names, "analytics"), "2025-01");
		Map<String, ConsentState> states = new java.util.HashMap<>();
		names.forEach((name) -> states.put(name, ConsentState.GRANTED));
		String value = eight.format(new ConsentCookie("2025-01", states, RECEIPT));
		assertThat(value.length()).isLessThan(170);
		assertThat(value.chars()).allMatch(ConsentCookieFormatTests::isCookieOctet);
	}

	@Test
	void theLongestPossibleValueIsStillRead() {
		List<String> names = IntStream.range(0, 16).mapToObj((i) -> "p" + "x".repeat(29) + (char) ('a' + i)).toList();
		ConsentCookieFormat longest = new ConsentCookieFormat(ConsentPurposes.of(names, names.get(0)), "r".repeat(32));
		Map<String, ConsentState> states = new java.util.HashMap<>();
		names.forEach((name) -> states.put(name, ConsentState.DENIED));
		String value = longest.format(new ConsentCookie("r".repeat(32), states, RECEIPT));
		assertThat(value.length()).isLessThanOrEqualTo(ConsentCookieFormat.MAX_LENGTH);
		assertThat(longest.parse(value).states()).hasSize(16).containsValue(ConsentState.DENIED);
		assertThat(PurposeStates.get(longest.read(value), 15)).isEqualTo(ConsentState.DENIED);
	}

	@ParameterizedTest(name = "legacy {0}")
	@CsvSource({ "granted,GRANTED", "TRUE,GRANTED", "1,GRANTED", "Yes,GRANTED", "denied,DENIED", "false,DENIED",
			"0,DENIED", "NO,DENIED" })
	void legacyValuesRecordEveryPurposeUnderRevisionOne(String value, ConsentState state) {
		ConsentCookie cookie = this.format.parse(value);
		assertThat(cookie.revision()).isEqualTo("1");
		assertThat(cookie.receiptId()).isNull();
		assertThat(cookie.states()).containsOnlyKeys("analytics", "ads", "personalization").containsValue(state);
	}

	@Test
	void unknownPurposesAreIgnored() {
		ConsentCookie cookie = this.format.parse("1.3.marketing:g~ads:d~gone:d");
		assertThat(cookie.states()).containsOnly(Map.entry("ads", ConsentState.DENIED));
		assertThat(this.format.parse("1.3.marketing:g").states()).isEmpty();
	}

	@ParameterizedTest(name = "malformed [{0}]")
	@ValueSource(strings = { "", "1.", "1.3", "1.3.", "1.3.ads", "1.3.ads:", "1.3.ads:x", "1.3.ads:G",
			"1.3.ads:gg", "1.3.ads:g~", "1.3.~ads:g", "1.3.ads:g~~analytics:d", "1.3.ads:g~ads:d", "1.3.Ads:g",
			"1.3.ads=g", "1.3.ads:g.", "1.3.ads:g.0123", "1.3.ads:g.0123456789ABCDEF0123456789ABCDEF",
			"1.3.ads:g.0123456789abcdef0123456789abcdef0", "1.3.ads:g.0123456789abcdef0123456789abcdef.x", "2.3.ads:g",
			"01.3.ads:g", " 1.3.ads:g", "1.3.ads:g ", "1..ads:g", "1.3!.ads:g", "1.3 .ads:g", "1.3.ads:g,analytics:d",
			"1.3.ads:g;analytics:d", "1.3.ads:g\r\n", "1.3.a\u00e4:g", "1.3.ads:\u0000", "1.3.x:g.", "granted~",
			"granted ", "\"granted\"", "1.333333333333333333333333333333333.ads:g",
			"1.3.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:g" })
	void malformedValuesCountAsAbsent(String value) {
		assertThat(this.format.parse(value)).isNull();
		assertThat(this.format.read(value)).isEqualTo(PurposeStates.ABSENT);
	}

	@Test
	void nullAndOverlongValuesCountAsAbsent() {
		assertThat(this.format.read(null)).isEqualTo(PurposeStates.ABSENT);
		String overlong = "1.3.ads:g" + "~ads:g".repeat(200);
		assertThat(this.format.read(overlong)).isEqualTo(PurposeStates.ABSENT);
	}

	@Test
	void readKeepsGrantsOfTheCurrentRevision() {
		int states = this.format.read("1.3.analytics:g~ads:d");
		assertThat(PurposeStates.get(states, 0)).isEqualTo(ConsentState.GRANTED);
		assertThat(PurposeStates.get(states, 1)).isEqualTo(ConsentState.DENIED);
		assertThat(PurposeStates.get(states, 2)).isEqualTo(ConsentState.UNSPECIFIED);
	}

	@Test
	void readTurnsGrantsOfAnotherRevisionIntoUnspecifiedAndKeepsDenials() {
		for (String other : List.of("2", "4", "33", "3a")) {
			int states = this.format.read("1." + other + ".analytics:g~ads:d~personalization:g");
			assertThat(PurposeStates.get(states, 0)).isEqualTo(ConsentState.UNSPECIFIED);
			assertThat(PurposeStates.get(states, 1)).isEqualTo(ConsentState.DENIED);
			assertThat(PurposeStates.get(states, 2)).isEqualTo(ConsentState.UNSPECIFIED);
		}
	}

	@Test
	void legacyValuesCountAsRevisionOne() {
		ConsentCookieFormat revisionOne = new ConsentCookieFormat(PURPOSES, "1");
		assertThat(PurposeStates.get(revisionOne.read("granted"), 2)).isEqualTo(ConsentState.GRANTED);
		assertThat(PurposeStates.get(this.format.read("granted"), 2)).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(PurposeStates.get(this.format.read("no"), 2)).isEqualTo(ConsentState.DENIED);
	}

	@Test
	void combineLetsADenialWinThenAGrant() {
		int grantAll = PurposeStates.all(3, ConsentState.GRANTED);
		int denyAds = PurposeStates.with(0, 1, ConsentState.DENIED);
		int combined = PurposeStates.combine(grantAll, denyAds);
		assertThat(PurposeStates.get(combined, 0)).isEqualTo(ConsentState.GRANTED);
		assertThat(PurposeStates.get(combined, 1)).isEqualTo(ConsentState.DENIED);
		assertThat(PurposeStates.get(combined, 2)).isEqualTo(ConsentState.GRANTED);
		assertThat(PurposeStates.combine(PurposeStates.ABSENT, denyAds)).isEqualTo(denyAds);
		assertThat(PurposeStates.combine(denyAds, PurposeStates.ABSENT)).isEqualTo(denyAds);
		int all16Denied = PurposeStates.all(16, ConsentState.DENIED);
		assertThat(all16Denied).isNotEqualTo(PurposeStates.ABSENT);
		assertThat(PurposeStates.combine(all16Denied, PurposeStates.all(16, ConsentState.GRANTED)))
			.isEqualTo(all16Denied);
	}

	@Test
	void formatRefusesWhatCannotBeRead() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.format.format(new ConsentCookie("3", Map.of("marketing", ConsentState.GRANTED), null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.format.format(new ConsentCookie("3", Map.of("ads", ConsentState.UNSPECIFIED), null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.format.format(new ConsentCookie("3.1", Map.of("ads", ConsentState.GRANTED), null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.format.format(new ConsentCookie("3", Map.of("ads", ConsentState.GRANTED), "ABC")));
	}

	@Test
	void refusalIsAChoiceThatGrantsNothing() {
		assertThat(new ConsentCookie("1", Map.of("ads", ConsentState.DENIED), null).isRefusal()).isTrue();
		assertThat(new ConsentCookie("1", Map.of("ads", ConsentState.DENIED, "analytics", ConsentState.GRANTED), null)
			.isRefusal()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2.1", "a b", "r;", "\u00e4", "123456789012345678901234567890123" })
	void invalidRevisions(String revision) {
		assertThat(ConsentCookieFormat.isValidRevision(revision)).isFalse();
	}

	static boolean isCookieOctet(int c) {
		return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5B)
				|| (c >= 0x5D && c <= 0x7E);
	}

}
