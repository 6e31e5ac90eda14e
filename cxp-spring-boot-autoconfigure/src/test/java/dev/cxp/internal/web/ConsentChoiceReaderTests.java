package dev.cxp.internal.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.internal.consent.ConsentPurposes;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ConsentChoiceReader} with content types a servlet container passes through unparsed.
 */
class ConsentChoiceReaderTests {

	@ParameterizedTest
	@ValueSource(strings = { "\"*/b", "application/json;q=\"", "a/b;=", "/", ";", "application/" })
	void malformedContentTypeIsUnsupportedNotAnError(String contentType) {
		MockHttpServletRequest body = new MockHttpServletRequest("PUT", "/cxp/consent");
		body.setContent("{\"consent\":\"granted\"}".getBytes(StandardCharsets.UTF_8));
		HttpServletRequestWrapper request = new HttpServletRequestWrapper(body) {

			@Override
			public String getContentType() {
				return contentType;
			}

		};
		assertThatExceptionOfType(InvalidConsentRequestException.class)
			.isThrownBy(() -> new ConsentChoiceReader(ConsentPurposes.defaults()).read(request.getContentType(),
					ConsentChoiceReader.readBody(request.getInputStream())))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getStatus())
				.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
	}

}
