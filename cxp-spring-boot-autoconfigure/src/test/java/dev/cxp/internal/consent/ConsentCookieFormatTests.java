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
 * Tests for {@link ConsentCookieFormat}.
 */
class ConsentCookieFormatTests {

	private static final String RECEIPT = "0123456789abcdef0123456789abcdef";

	private static final ConsentPurposes PURPOSES = ConsentPurposes
		.of(List.of("analytics", "ads", "personalization"), "analytics");

	private final ConsentCookieFormat format = new ConsentCookieFormat(PURPOSES, "3", null);

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
		ConsentCookieFormat eight = new ConsentCookieFormat(ConsentPurposes.of(names, "analytics"), "2025-01", null);
		Map<String, ConsentState> states = new java.util.HashMap<>();
		names.forEach((name) -> states.put(name, ConsentState.GRANTED));
		String value = eight.format(new ConsentCookie("2025-01", states, RECEIPT));
		assertThat(value.length()).isLessThan(170);
		assertThat(value.chars()).allMatch(ConsentCookieFormatTests::isCookieOctet);
	}

	@Test
	void theLongestPossibleValueIsStillRead() {
		List<String> names = IntStream.range(0, 16).mapToObj((i) -> "p" + "x".repeat(29) + (char) ('a' + i)).toList();
		ConsentCookieFormat longest = new ConsentCookieFormat(ConsentPurposes.of(names, names.get(0)), "r".repeat(32), null);
		Map<String, ConsentState> states = new java.util.HashMap<>();
		names.forEach((name) -> states.put(name, ConsentState.DENIED));
		String value = longest.format(new ConsentCookie("r".repeat(32), states, RECEIPT));
		assertThat(value.length()).isLessThanOrEqualTo(ConsentCookieFormat.MAX_LENGTH);
		assertThat(longest.parse(value).states()).hasSize(16).containsValue(ConsentState.DENIED);
		assertThat(longest.readCookies(List.of(value))).containsEntry(names.get(15), ConsentState.DENIED);
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
	void aPurposeOfOneCharacterIsRead() {
		ConsentCookieFormat oneCharacter = new ConsentCookieFormat(ConsentPurposes.of(List.of("a", "analytics"), "a"),
				"3", null);
		assertThat(oneCharacter.parse("1.3.a:g~analytics:d").states()).containsOnly(
				Map.entry("a", ConsentState.GRANTED), Map.entry("analytics", ConsentState.DENIED));
		assertThat(oneCharacter.readCookies(List.of("1.3.a:d"))).containsExactly(Map.entry("a", ConsentState.DENIED));
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
		assertThat(this.format.readCookies(List.of(value))).isEmpty();
	}

	@Test
	void overlongValuesCountAsAbsentEvenWhenOtherwiseWellFormed() {
		// Purposes that are not configured are well formed and ignored, so only the length can refuse these
		StringBuilder value = new StringBuilder("1.3.ads:d");
		for (int i = 0; value.length() + 8 <= ConsentCookieFormat.MAX_LENGTH; i++) {
			value.append("~u").append(String.format("%03d", i)).append(":g");
		}
		String longest = value.toString();
		String overlong = longest + "~zzzzzzzz:g";
		assertThat(longest.length()).isLessThanOrEqualTo(ConsentCookieFormat.MAX_LENGTH);
		assertThat(overlong.length()).isGreaterThan(ConsentCookieFormat.MAX_LENGTH);
		assertThat(this.format.readCookies(List.of(longest))).containsOnly(Map.entry("ads", ConsentState.DENIED));
		assertThat(this.format.parse(overlong)).isNull();
		assertThat(this.format.readCookies(List.of(overlong))).isEmpty();
	}

	@Test
	void readKeepsGrantsOfTheCurrentRevision() {
		assertThat(this.format.readCookies(List.of("1.3.analytics:g~ads:d"))).containsExactly(
				Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
	}

	@Test
	void readTurnsGrantsOfAnotherRevisionIntoUnspecifiedAndKeepsDenials() {
		for (String other : List.of("2", "4", "33", "3a")) {
			assertThat(this.format.readCookies(List.of("1." + other + ".analytics:g~ads:d~personalization:g")))
				.containsOnly(Map.entry("ads", ConsentState.DENIED));
			assertThat(this.format.readHeaders(List.of("1." + other + ".analytics:g~ads:d~personalization:g")))
				.containsOnly(Map.entry("ads", ConsentState.DENIED));
		}
	}

	@Test
	void legacyValuesCountAsRevisionOne() {
		ConsentCookieFormat revisionOne = new ConsentCookieFormat(PURPOSES, "1", null);
		assertThat(revisionOne.readCookies(List.of("granted"))).containsEntry("personalization", ConsentState.GRANTED);
		assertThat(this.format.readCookies(List.of("granted"))).isEmpty();
		assertThat(this.format.readCookies(List.of("no"))).containsEntry("personalization", ConsentState.DENIED);
	}

	@Test
	void copiesCombinePerPurposeAndADenialWins() {
		assertThat(this.format.readCookies(List.of("1.3.analytics:g~ads:g~personalization:g", "1.3.ads:d", "junk")))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED),
					Map.entry("personalization", ConsentState.GRANTED));
		assertThat(this.format.readCookies(List.of("1.3.ads:d", "1.3.analytics:g~ads:g")))
			.containsOnly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
		assertThat(this.format.readHeaders(List.of("yes", "no"))).containsOnly(
				Map.entry("analytics", ConsentState.DENIED), Map.entry("ads", ConsentState.DENIED),
				Map.entry("personalization", ConsentState.DENIED));
	}

	@Test
	void sixteenPurposesAllDeniedStayDeniedWhateverComesWithThem() {
		List<String> names = IntStream.range(0, 16).mapToObj((i) -> "p" + i).toList();
		ConsentCookieFormat sixteen = new ConsentCookieFormat(ConsentPurposes.of(names, "p0"), "1", null);
		Map<String, ConsentState> denied = sixteen.readCookies(List.of("denied", "granted"));
		assertThat(denied).hasSize(16).containsOnlyKeys(names);
		assertThat(denied.values()).containsOnly(ConsentState.DENIED);
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
