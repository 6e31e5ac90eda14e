package dev.cxp.internal.consent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.consent.ConsentState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConsentCookieSigner} and the signed reading of {@link ConsentCookieFormat} (SPEC S12.1).
 */
class SignedConsentCookieTests {

	private static final String RECEIPT = "0123456789abcdef0123456789abcdef";

	private static final byte[] KEY = bytes(32, 1);

	private static final byte[] OLD_KEY = bytes(48, 7);

	private static final ConsentPurposes PURPOSES = ConsentPurposes.of(List.of("analytics", "ads"), "analytics");

	private final ConsentCookieSigner signer = new ConsentCookieSigner("cxp_consent", List.of(KEY, OLD_KEY));

	private final ConsentCookieFormat format = new ConsentCookieFormat(PURPOSES, "1", this.signer);

	@Test
	void signatureIsTheHmacOfTheCookieNameAndTheWholeUnsignedValue() throws Exception {
		String value = this.format.format(new ConsentCookie("1", Map.of("analytics", ConsentState.GRANTED), RECEIPT));
		String unsigned = "1.1.analytics:g." + RECEIPT;
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
		String expected = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal(("cxp_consent=" + unsigned).getBytes(StandardCharsets.US_ASCII)));
		assertThat(value).isEqualTo(unsigned + "*" + expected);
		assertThat(this.signer.verifies(value)).isTrue();
	}

	@Test
	void theValueTheFormatWroteGrants() {
		String value = this.format.format(new ConsentCookie("1",
				Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.DENIED), RECEIPT));
		assertThat(states(value)).containsExactly(Map.entry("analytics", ConsentState.GRANTED),
				Map.entry("ads", ConsentState.DENIED));
		assertThat(this.format.parse(value)).isEqualTo(new ConsentCookie("1",
				Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.DENIED), RECEIPT));
		assertThat(this.signer.rejectedGrants()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "granted", "yes", "1", "1.1.analytics:g~ads:g", "1.1.analytics:g." + RECEIPT })
	void anUnsignedGrantGrantsNothingAndIsCounted(String planted) {
		assertThat(states(planted)).containsOnly(Map.entry("analytics", ConsentState.UNSPECIFIED),
				Map.entry("ads", ConsentState.UNSPECIFIED));
		assertThat(this.signer.rejectedGrants()).isEqualTo(1);
	}

	@Test
	void anEditedSignedValueGrantsNothing() {
		String signed = this.format.format(new ConsentCookie("1",
				Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.DENIED), null));
		String edited = signed.replace("ads:d", "ads:g");
		assertThat(edited).isNotEqualTo(signed);
		assertThat(states(edited)).containsOnly(Map.entry("analytics", ConsentState.UNSPECIFIED),
				Map.entry("ads", ConsentState.UNSPECIFIED));
		assertThat(this.signer.rejectedGrants()).isEqualTo(1);
	}

	@Test
	void aForgedValueCountsAsRejectedEveryTimeItIsRead() {
		// One value is read from the cache after its first reading: its rejection is still counted per request
		for (int i = 0; i < 3; i++) {
			assertThat(states("1.1.analytics:g")).containsEntry("analytics", ConsentState.UNSPECIFIED);
		}
		assertThat(this.signer.rejectedGrants()).isEqualTo(3);
		String signed = this.signer.sign("1.1.analytics:g");
		assertThat(states(signed)).containsEntry("analytics", ConsentState.GRANTED);
		assertThat(states(signed)).containsEntry("analytics", ConsentState.GRANTED);
		assertThat(this.signer.rejectedGrants()).isEqualTo(3);
	}

	@Test
	void eachForgedCopyCountsAsRejected() {
		assertThat(this.format.readCookies(List.of("1.1.analytics:g", "yes", this.signer.sign("1.1.ads:g"))))
			.containsExactly(Map.entry("ads", ConsentState.GRANTED));
		assertThat(this.signer.rejectedGrants()).isEqualTo(2);
	}

	@Test
	void aReadingCannotBeChangedByTheRequestThatReadIt() {
		String signed = this.signer.sign("1.1.analytics:g");
		Map<String, ConsentState> first = this.format.readCookies(List.of(signed));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> first.put("analytics", ConsentState.DENIED));
		assertThat(this.format.readCookies(List.of(signed))).containsExactly(Map.entry("analytics", ConsentState.GRANTED));
	}

	@Test
	void aSignatureForAnotherCookieNameGrantsNothing() {
		ConsentCookieSigner other = new ConsentCookieSigner("other_cookie", List.of(KEY));
		String moved = other.sign("1.1.analytics:g");
		assertThat(this.signer.verifies(moved)).isFalse();
		assertThat(states(moved)).containsEntry("analytics", ConsentState.UNSPECIFIED);
	}

	@Test
	void aSignatureOfAKeyNoLongerListedGrantsNothing() {
		ConsentCookieSigner retired = new ConsentCookieSigner("cxp_consent", List.of(bytes(32, 99)));
		assertThat(states(retired.sign("1.1.analytics:g"))).containsEntry("analytics", ConsentState.UNSPECIFIED);
	}

	@Test
	void everyListedKeyVerifiesSoKeysCanBeRotated() {
		ConsentCookieSigner before = new ConsentCookieSigner("cxp_consent", List.of(OLD_KEY));
		String signedWithOldKey = before.sign("1.1.analytics:g");
		assertThat(states(signedWithOldKey)).containsEntry("analytics", ConsentState.GRANTED);
		// The first key signs what is written now
		assertThat(this.signer.sign("1.1.analytics:g")).isNotEqualTo(signedWithOldKey);
		assertThat(new ConsentCookieSigner("cxp_consent", List.of(KEY)).sign("1.1.analytics:g"))
			.isEqualTo(this.signer.sign("1.1.analytics:g"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "denied", "no", "1.1.analytics:d~ads:d", "1.1.analytics:d~ads:d*AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void aDenialCountsFromAnyValue(String value) {
		assertThat(states(value)).containsOnly(Map.entry("analytics", ConsentState.DENIED),
				Map.entry("ads", ConsentState.DENIED));
		assertThat(this.signer.rejectedGrants()).isZero();
	}

	@Test
	void theDenialsOfAnUnsignedValueCountWhileItsGrantsDoNot() {
		assertThat(states("1.1.analytics:g~ads:d")).containsExactly(Map.entry("analytics", ConsentState.UNSPECIFIED),
				Map.entry("ads", ConsentState.DENIED));
	}

	@Test
	void aMalformedSignatureMakesTheValueMalformed() {
		String signed = this.signer.sign("1.1.analytics:g");
		String junk = signed.substring(0, signed.length() - 1) + ";";
		assertThat(this.format.readCookies(List.of(junk))).isEmpty();
		assertThat(this.format.parse(junk)).isNull();
	}

	@ParameterizedTest
	@ValueSource(chars = { '+', '/', '=', '.' })
	void aSignatureOutsideTheBase64urlAlphabetVerifiesNothing(char outside) {
		String signed = this.signer.sign("1.1.analytics:g");
		int signatureAt = signed.length() - ConsentCookieSigner.SIGNATURE_LENGTH;
		String edited = signed.substring(0, signatureAt) + outside + signed.substring(signatureAt + 1);
		assertThat(this.signer.verifies(signed)).isTrue();
		assertThat(this.signer.verifies(edited)).isFalse();
	}

	@Test
	void aSignatureWithNothingBeforeItVerifiesNothing() {
		String signedEmpty = this.signer.sign("");
		assertThat(signedEmpty).hasSize(ConsentCookieSigner.SIGNATURE_LENGTH + 1).startsWith("*");
		assertThat(this.signer.verifies(signedEmpty)).isFalse();
		assertThat(this.signer.verifies(this.signer.sign("x"))).isTrue();
	}

	@Test
	void theFormatShowsItsRevisionAndSigner() {
		assertThat(this.format.revision()).isEqualTo("1");
		assertThat(this.format.signer()).isSameAs(this.signer);
		assertThat(new ConsentCookieFormat(PURPOSES, "2", null).signer()).isNull();
	}

	@Test
	void withoutASignerASignedValueReadsAsItsUnsignedPart() {
		ConsentCookieFormat unsignedFormat = new ConsentCookieFormat(PURPOSES, "1", null);
		String signed = this.signer.sign("1.1.analytics:g~ads:d." + RECEIPT);
		assertThat(unsignedFormat.readCookies(List.of(signed))).containsExactly(
				Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
		assertThat(unsignedFormat.parse(signed)).isEqualTo(new ConsentCookie("1",
				Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.DENIED), RECEIPT));
		assertThat(unsignedFormat.format(new ConsentCookie("1", Map.of("ads", ConsentState.GRANTED), null)))
			.isEqualTo("1.1.ads:g");
	}

	@Test
	void consentHeaderValuesAreNotVerified() {
		assertThat(this.format.readHeaders(List.of("granted"))).containsOnly(
				Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.GRANTED));
		assertThat(this.signer.rejectedGrants()).isZero();
	}

	@Test
	void aSignedValueOfEightPurposesWithAReceiptStaysUnder256CookieOctets() {
		List<String> names = List.of("analytics", "ads", "ad_user_data", "ad_personalization", "personalization",
				"functionality", "security", "social");
		ConsentCookieFormat eight = new ConsentCookieFormat(ConsentPurposes.of(names, "analytics"), "2025-01",
				this.signer);
		Map<String, ConsentState> states = new HashMap<>();
		names.forEach((name) -> states.put(name, ConsentState.GRANTED));
		String value = eight.format(new ConsentCookie("2025-01", states, RECEIPT));
		assertThat(value.length()).isLessThan(256);
		assertThat(value.chars()).allMatch((c) -> c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A)
				|| (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E));
		assertThat(eight.readCookies(List.of(value)).values()).containsOnly(ConsentState.GRANTED);
	}

	@Test
	void keysShorterThan32BytesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentCookieSigner("cxp_consent", List.of(bytes(31, 1))));
		assertThatIllegalArgumentException().isThrownBy(() -> new ConsentCookieSigner("cxp_consent", List.of()));
	}

	private Map<String, ConsentState> states(String value) {
		Map<String, ConsentState> read = new java.util.LinkedHashMap<>();
		PURPOSES.names().forEach((name) -> read.put(name, ConsentState.UNSPECIFIED));
		read.putAll(this.format.readCookies(List.of(value)));
		return read;
	}

	private static byte[] bytes(int length, int seed) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (seed * 31 + i);
		}
		return bytes;
	}

}
