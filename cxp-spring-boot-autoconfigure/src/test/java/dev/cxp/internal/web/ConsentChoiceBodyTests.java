package dev.cxp.internal.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentPurposes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bodies {@link ConsentChoiceReader} takes, at their bounds: JSON of at most
 * {@value ConsentChoiceReader#MAX_BODY_BYTES} bytes, sent as JSON, holding either one choice for every purpose or
 * one per configured purpose; anything else is refused with a status and a message that quotes no input.
 */
class ConsentChoiceBodyTests {

	private static final String JSON = "application/json";

	private final ConsentChoiceReader reader = new ConsentChoiceReader(
			ConsentPurposes.of(List.of("analytics", "ads"), "analytics"));

	@Test
	void aChoiceForEveryPurposeIsRead() throws Exception {
		assertThat(read("{\"consent\":\"granted\"}")).isEqualTo(ConsentChoice.every(ConsentState.GRANTED));
		assertThat(read("{\"consent\":\"denied\"}")).isEqualTo(ConsentChoice.every(ConsentState.DENIED));
	}

	@Test
	void aChoicePerPurposeIsRead() throws Exception {
		assertThat(read("{\"purposes\":{\"ads\":\"denied\",\"analytics\":\"granted\"}}")).isEqualTo(
				ConsentChoice.perPurpose(Map.of("ads", ConsentState.DENIED, "analytics", ConsentState.GRANTED)));
	}

	@Test
	void theWordsOfAChoiceAreThoseOfTheLegacyCookieAsStrings() throws Exception {
		assertThat(read("{\"consent\":\"YES\"}")).isEqualTo(ConsentChoice.every(ConsentState.GRANTED));
		assertThat(read("{\"purposes\":{\"ads\":\"0\"}}"))
			.isEqualTo(ConsentChoice.perPurpose(Map.of("ads", ConsentState.DENIED)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "Application/JSON; charset=UTF-8", "application/consent+json",
			"APPLICATION/VND.CXP+JSON" })
	void everyJsonTypeIsTaken(String contentType) throws Exception {
		assertThat(this.reader.read(contentType, bytes("{\"consent\":\"granted\"}")).all())
			.isEqualTo(ConsentState.GRANTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/json", "application/jsonp", "application/xml", "text/plain", "json/application" })
	void anyOtherTypeIsUnsupported(String contentType) {
		assertRefused(contentType, bytes("{\"consent\":\"granted\"}"), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"The body must be JSON, sent with Content-Type: application/json");
	}

	@Test
	void aBodyWithoutContentTypeIsUnsupported() {
		assertRefused(null, bytes("{\"consent\":\"granted\"}"), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"The body must be JSON, sent with Content-Type: application/json");
	}

	@Test
	void aBodyOfTheLongestLengthIsRead() throws Exception {
		byte[] body = padded(ConsentChoiceReader.MAX_BODY_BYTES);
		assertThat(body).hasSize(ConsentChoiceReader.MAX_BODY_BYTES);
		assertThat(this.reader.read(JSON, body)).isEqualTo(ConsentChoice.every(ConsentState.DENIED));
	}

	@Test
	void aBodyOneByteLongerIsTooLarge() {
		assertRefused(JSON, padded(ConsentChoiceReader.MAX_BODY_BYTES + 1), HttpStatus.BAD_REQUEST,
				"The body is too large");
	}

	@Test
	void readingABodyStopsOneByteAfterTheLongestLength() throws Exception {
		byte[] huge = new byte[ConsentChoiceReader.MAX_BODY_BYTES * 4];
		assertThat(ConsentChoiceReader.readBody(new ByteArrayInputStream(huge)))
			.hasSize(ConsentChoiceReader.MAX_BODY_BYTES + 1);
		assertThat(ConsentChoiceReader.readBody(new ByteArrayInputStream(bytes("{}")))).isEqualTo(bytes("{}"));
	}

	@Test
	void aBodyThatCannotBeReadIsABadRequest() {
		InputStream failing = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("connection reset");
			}

		};
		assertThatExceptionOfType(InvalidConsentRequestException.class)
			.isThrownBy(() -> ConsentChoiceReader.readBody(failing))
			.withMessage("The body could not be read")
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	@Test
	void malformedBodiesAreBadRequests() {
		assertRefused(JSON, new byte[0], HttpStatus.BAD_REQUEST, "The body is empty");
		assertRefused(JSON, bytes("{\"consent\":"), HttpStatus.BAD_REQUEST, "The body is not valid JSON");
		assertRefused(JSON, bytes("{\"consent\":\"granted\"} {}"), HttpStatus.BAD_REQUEST,
				"The body is not valid JSON");
		assertRefused(JSON, bytes("{\"consent\":\"denied\",\"consent\":\"granted\"}"), HttpStatus.BAD_REQUEST,
				"The body is not valid JSON");
	}

	@Test
	void aBodyWithBothKindsOfChoiceIsABadRequest() {
		assertRefused(JSON, bytes("{\"consent\":\"granted\",\"purposes\":{\"ads\":\"denied\"}}"),
				HttpStatus.BAD_REQUEST, "The body must have either \"consent\" or \"purposes\", not both");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "[\"granted\"]", "\"granted\"", "{\"consent\":true}", "{\"consent\":\"maybe\"}",
			"{\"consent\":\"unspecified\"}", "{\"consent\":null}", "{\"Consent\":\"granted\"}" })
	void aBodyWithoutAChoiceIsABadRequest(String body) {
		assertRefused(JSON, bytes(body), HttpStatus.BAD_REQUEST,
				"The body must be {\"consent\":\"granted\"}, {\"consent\":\"denied\"} or "
						+ "{\"purposes\":{\"<purpose>\":\"granted\"|\"denied\"}}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"purposes\":{}}", "{\"purposes\":[\"ads\"]}", "{\"purposes\":\"ads\"}" })
	void purposesMustNameAPurpose(String body) {
		assertRefused(JSON, bytes(body), HttpStatus.BAD_REQUEST,
				"\"purposes\" must be an object that names at least one purpose");
	}

	@Test
	void anUnknownPurposeIsRefusedWithoutQuotingIt() {
		assertRefused(JSON, bytes("{\"purposes\":{\"ads\":\"granted\",\"\\r\\nx\":\"granted\"}}"),
				HttpStatus.BAD_REQUEST,
				"\"purposes\" names a purpose that is not configured; the purposes are [analytics, ads]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "1", "\"maybe\"", "null", "{}", "\"unspecified\"", "\"grantedd\"" })
	void eachPurposeIsGrantedOrDenied(String value) {
		assertRefused(JSON, bytes("{\"purposes\":{\"ads\":" + value + "}}"), HttpStatus.BAD_REQUEST,
				"Each purpose must be \"granted\" or \"denied\"");
	}

	private ConsentChoice read(String body) throws InvalidConsentRequestException {
		return this.reader.read(JSON, bytes(body));
	}

	private void assertRefused(String contentType, byte[] body, HttpStatus status, String message) {
		assertThatExceptionOfType(InvalidConsentRequestException.class)
			.isThrownBy(() -> this.reader.read(contentType, body))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(status));
	}

	/**
	 * A denial for every purpose, padded with spaces to the given length.
	 */
	private static byte[] padded(int length) {
		String choice = "{\"consent\":\"denied\"}";
		return bytes(choice + " ".repeat(length - choice.length()));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
