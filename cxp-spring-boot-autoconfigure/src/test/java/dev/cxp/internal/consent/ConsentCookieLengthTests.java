package dev.cxp.internal.consent;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The longest consent cookie value read, {@value ConsentCookieFormat#MAX_LENGTH} characters: a well-formed value of
 * that length is read, and the same value one character longer, well-formed in every other way, is not.
 */
class ConsentCookieLengthTests {

	private final ConsentCookieFormat format = new ConsentCookieFormat(ConsentPurposes.defaults(), "1", null);

	@Test
	void aWellFormedValueOfTheLongestLengthIsRead() {
		String value = wellFormed(ConsentCookieFormat.MAX_LENGTH);
		assertThat(value).hasSize(ConsentCookieFormat.MAX_LENGTH);
		ConsentCookie cookie = this.format.parse(value);
		assertThat(cookie).isNotNull();
		assertThat(cookie.state("analytics")).isEqualTo(ConsentState.DENIED);
		assertThat(this.format.readCookies(List.of(value))).containsEntry("analytics", ConsentState.DENIED);
	}

	@Test
	void aWellFormedValueOneCharacterLongerIsMalformed() {
		String value = wellFormed(ConsentCookieFormat.MAX_LENGTH + 1);
		assertThat(value).hasSize(ConsentCookieFormat.MAX_LENGTH + 1);
		assertThat(this.format.parse(value)).isNull();
		assertThat(this.format.readCookies(List.of(value))).isEmpty();
		assertThat(this.format.readHeaders(List.of(value))).isEmpty();
	}

	@Test
	void anOverlongValueDoesNotOutweighAGrant() {
		String overlong = wellFormed(ConsentCookieFormat.MAX_LENGTH + 1);
		assertThat(this.format.readCookies(List.of(overlong, "1.1.analytics:g"))).containsEntry("analytics",
				ConsentState.GRANTED);
	}

	/**
	 * A value that denies analytics and names other purposes, not configured and so ignored, until it has the
	 * given length.
	 */
	private static String wellFormed(int length) {
		StringBuilder value = new StringBuilder("1.1.analytics:d");
		int entry = 0;
		// Each entry "~nNNN:g" takes 7 characters; the last one takes what is left, at least 4
		while (length - value.length() >= 7 + 4) {
			value.append(String.format("~n%03d:g", entry++));
		}
		int left = length - value.length();
		value.append('~').append("z".repeat(left - 3)).append(":g");
		return value.toString();
	}

}
