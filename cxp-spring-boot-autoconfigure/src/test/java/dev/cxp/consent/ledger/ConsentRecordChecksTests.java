package dev.cxp.consent.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.consent.ConsentState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Each check of {@link ConsentRecord} at its bounds: the region, the visitor, the user-agent hash, the IP
 * prefix, the revision and the {@value ConsentRecord#MAX_PURPOSES}-purpose limit accept the last valid value and
 * reject the first invalid one.
 */
class ConsentRecordChecksTests {

	private static final String RECEIPT = "00112233445566778899aabbccddeeff";

	private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

	private static final String HASH = "0123456789abcdef".repeat(4);

	@ParameterizedTest
	@ValueSource(strings = { "GB", "EEA", "US-CA", "a", "ABCDEFGHIJKLMNOP" })
	void regionsOfKnownShapeAreKept(String region) {
		assertThat(record(region, null, null, null).region()).isEqualTo(region);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "ABCDEFGHIJKLMNOPQ", "US CA", "US_CA", "GB\r\n" })
	void regionsOfAnyOtherShapeAreRejected(String region) {
		assertThatIllegalArgumentException().isThrownBy(() -> record(region, null, null, null))
			.withMessage("Invalid region in a consent record");
	}

	@Test
	void aVisitorIdOfAnotherShapeIsRejected() {
		assertThat(record(null, "visitor-1", null, null).visitor()).isEqualTo("visitor-1");
		assertThatIllegalArgumentException().isThrownBy(() -> record(null, "visitor 1", null, null))
			.withMessage("Invalid visitor in a consent record");
	}

	@Test
	void theUserAgentHashIsSixtyFourLowercaseHexCharacters() {
		assertThat(record(null, null, HASH, null).userAgentHash()).isEqualTo(HASH);
		for (String hash : new String[] { HASH.substring(1), HASH + "0", HASH.toUpperCase(), "g" + HASH.substring(1),
				"" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> record(null, null, hash, null))
				.withMessage("Invalid user-agent hash in a consent record");
		}
	}

	@Test
	void theIpPrefixIsANetworkOfTwentyFourOrFortyEightBits() {
		assertThat(record(null, null, null, "203.0.113.0/24").ipPrefix()).isEqualTo("203.0.113.0/24");
		assertThat(record(null, null, null, "2001:db8:1::/48").ipPrefix()).isEqualTo("2001:db8:1::/48");
		for (String prefix : new String[] { "203.0.113.0", "203.0.113.0/16", "host/24", "" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> record(null, null, null, prefix))
				.withMessage("Invalid IP prefix in a consent record");
		}
	}

	@Test
	void theRevisionIsOneToSixtyFourPrintableCharacters() {
		for (String revision : new String[] { "!", "~", "x".repeat(64) }) {
			assertThat(withRevision(revision).revision()).isEqualTo(revision);
		}
		for (String revision : new String[] { "", " ", "x".repeat(65), "r\u007f", "r\u00e9" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> withRevision(revision))
				.withMessage("Invalid revision in a consent record");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> withRevision(null))
			.withMessage("Invalid revision in a consent record");
	}

	@Test
	void aRecordHoldsSixtyFourPurposesAndNoMore() {
		Map<String, ConsentState> most = purposes(ConsentRecord.MAX_PURPOSES);
		assertThat(withPurposes(most).purposes()).hasSize(ConsentRecord.MAX_PURPOSES);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> withPurposes(purposes(ConsentRecord.MAX_PURPOSES + 1)))
			.withMessage("Invalid number of purposes in a consent record");
	}

	@Test
	void purposeNamesAreOneToSixtyFourCharactersOfKnownShape() {
		assertThat(ConsentRecord.isPurposeName("a")).isTrue();
		assertThat(ConsentRecord.isPurposeName("A.b_c-9")).isTrue();
		assertThat(ConsentRecord.isPurposeName("p".repeat(64))).isTrue();
		assertThat(ConsentRecord.isPurposeName("p".repeat(65))).isFalse();
		assertThat(ConsentRecord.isPurposeName("")).isFalse();
		assertThat(ConsentRecord.isPurposeName(null)).isFalse();
		assertThat(ConsentRecord.isReceiptId(null)).isFalse();
		assertThat(ConsentRecord.isReceiptId(RECEIPT)).isTrue();
	}

	@Test
	void everyPurposeHasAState() {
		Map<String, ConsentState> purposes = new HashMap<>();
		purposes.put("analytics", null);
		assertThatNullPointerException().isThrownBy(() -> withPurposes(purposes)).withMessage("purpose state");
		assertThatNullPointerException().isThrownBy(() -> withPurposes(null)).withMessage("purposes");
	}

	@Test
	void aRecordKeepsWhatItWasGiven() {
		ConsentRecord record = new ConsentRecord(RECEIPT, NOW, "v2", Map.of("ads", ConsentState.DENIED),
				ConsentMethod.BANNER, "EEA", "visitor-1", HASH, "203.0.113.0/24");
		assertThat(record.receiptId()).isEqualTo(RECEIPT);
		assertThat(record.timestamp()).isEqualTo(NOW);
		assertThat(record.revision()).isEqualTo("v2");
		assertThat(record.purposes()).containsExactly(Map.entry("ads", ConsentState.DENIED));
		assertThat(record.method()).isEqualTo(ConsentMethod.BANNER);
		assertThat(record.region()).isEqualTo("EEA");
	}

	private static ConsentRecord record(String region, String visitor, String userAgentHash, String ipPrefix) {
		return new ConsentRecord(RECEIPT, NOW, "1", Map.of("analytics", ConsentState.GRANTED), ConsentMethod.API,
				region, visitor, userAgentHash, ipPrefix);
	}

	private static ConsentRecord withRevision(String revision) {
		return new ConsentRecord(RECEIPT, NOW, revision, Map.of(), ConsentMethod.API, null, null, null, null);
	}

	private static ConsentRecord withPurposes(Map<String, ConsentState> purposes) {
		return new ConsentRecord(RECEIPT, NOW, "1", purposes, ConsentMethod.API, null, null, null, null);
	}

	private static Map<String, ConsentState> purposes(int count) {
		Map<String, ConsentState> purposes = new TreeMap<>();
		IntStream.range(0, count).forEach((i) -> purposes.put("purpose-" + i, ConsentState.GRANTED));
		return purposes;
	}

}
