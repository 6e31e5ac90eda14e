package dev.cxp.consent.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxp.consent.ConsentState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link ConsentRecord}'s validation.
 */
class ConsentRecordTests {

	private static final String RECEIPT = "00112233445566778899aabbccddeeff";

	private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

	@Test
	void purposesAreOrderedByNameAndUnmodifiable() {
		Map<String, ConsentState> purposes = new HashMap<>();
		purposes.put("zeta", ConsentState.DENIED);
		purposes.put("alpha", ConsentState.GRANTED);
		purposes.put("mid", ConsentState.UNSPECIFIED);
		ConsentRecord record = new ConsentRecord(RECEIPT, NOW, "1", purposes, ConsentMethod.API, null, null, null,
				null);
		purposes.put("late", ConsentState.GRANTED);
		assertThat(record.purposes().keySet()).containsExactly("alpha", "mid", "zeta");
		assertThat(record.purposes()).isUnmodifiable();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "00112233445566778899AABBCCDDEEFF", "00112233445566778899aabbccddeef",
			"00112233445566778899aabbccddeeff0", "0011223344556677-899aabbccddeeff" })
	void receiptIdIs32LowercaseHexCharacters(String receiptId) {
		assertThat(ConsentRecord.isReceiptId(receiptId)).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentRecord(receiptId, NOW, "1", Map.of(), ConsentMethod.API, null, null, null,
					null))
			.withMessage("Invalid receipt id in a consent record");
	}

	@Test
	void rejectedValuesAreNotEchoed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentRecord(RECEIPT, NOW, "1", Map.of("a=b,c", ConsentState.GRANTED),
					ConsentMethod.API, null, null, null, null))
			.withMessage("Invalid purpose name in a consent record");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentRecord(RECEIPT, NOW, "r\r\n", Map.of(), ConsentMethod.API, null, null, null,
					null))
			.withMessage("Invalid revision in a consent record");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentRecord(RECEIPT, NOW, "1", Map.of(), ConsentMethod.API, null, null, null,
					"10.1.2.3/32"))
			.withMessage("Invalid IP prefix in a consent record");
	}

	@Test
	void visitorIsAnyValidVisitorIdOrItsHmac() {
		String longest = "a.b-c_".repeat(21) + "xy";
		for (String visitor : new String[] { "GA1.2.1234567890.1700000000", longest, "a".repeat(64) }) {
			assertThat(new ConsentRecord(RECEIPT, NOW, "1", Map.of(), ConsentMethod.API, null, visitor, null, null)
				.visitor()).isEqualTo(visitor);
		}
		for (String visitor : new String[] { "", longest + "z", "a b", "a/b" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new ConsentRecord(RECEIPT, NOW, "1", Map.of(), ConsentMethod.API, null, visitor,
						null, null))
				.withMessage("Invalid visitor in a consent record");
		}
	}

	@Test
	void timestampAndMethodAreRequired() {
		assertThatNullPointerException().isThrownBy(
				() -> new ConsentRecord(RECEIPT, null, "1", Map.of(), ConsentMethod.API, null, null, null, null));
		assertThatNullPointerException()
			.isThrownBy(() -> new ConsentRecord(RECEIPT, NOW, "1", Map.of(), null, null, null, null, null));
	}

	@Test
	void methodValuesRoundTrip() {
		for (ConsentMethod method : ConsentMethod.values()) {
			assertThat(ConsentMethod.fromValue(method.value())).isSameAs(method);
		}
		assertThat(ConsentMethod.WITHDRAWAL.value()).isEqualTo("withdrawal");
		assertThatIllegalArgumentException().isThrownBy(() -> ConsentMethod.fromValue("BANNER"));
	}

	@Test
	void userLinkIsAKeyedHashNeverAName() {
		ConsentRecord unlinked = new ConsentRecord(RECEIPT, NOW, "1", Map.of(), ConsentMethod.API, null, null, null,
				null);
		assertThat(unlinked.userLink()).isNull();
		String link = "0123456789abcdef".repeat(4);
		assertThat(unlinked.withUserLink(link).userLink()).isEqualTo(link);
		assertThat(unlinked.withUserLink(link).withUserLink(null)).isEqualTo(unlinked);
		for (String name : new String[] { "alice", "alice@example.com", link.toUpperCase(), link + "0" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> unlinked.withUserLink(name))
				.withMessage("Invalid user link in a consent record");
		}
		assertThat(ConsentMethod.RESTORED.value()).isEqualTo("restored");
	}

}
