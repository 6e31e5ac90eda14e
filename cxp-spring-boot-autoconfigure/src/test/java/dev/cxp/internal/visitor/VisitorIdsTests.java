package dev.cxp.internal.visitor;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.cxp.internal.support.SecureIdGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VisitorIds}.
 */
class VisitorIdsTests {

	private static final Pattern ID_CHARACTER = Pattern.compile("[A-Za-z0-9_.-]");

	@Test
	void everyCharacterIsJudgedAsTheSpecifiedSetSays() {
		for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
			String character = String.valueOf((char) c);
			boolean expected = ID_CHARACTER.matcher(character).matches();
			assertThat(VisitorIds.isValid(character)).as("U+%04X", c).isEqualTo(expected);
			assertThat(VisitorIds.isValid("0123456789abcdef" + character + "ABCDEF")).as("U+%04X inside", c)
				.isEqualTo(expected);
		}
	}

	@Test
	void lengthIsOneTo128() {
		assertThat(VisitorIds.isValid(null)).isFalse();
		assertThat(VisitorIds.isValid("")).isFalse();
		assertThat(VisitorIds.isValid("a")).isTrue();
		assertThat(VisitorIds.isValid("a".repeat(VisitorIds.MAX_LENGTH))).isTrue();
		assertThat(VisitorIds.isValid("a".repeat(VisitorIds.MAX_LENGTH + 1))).isFalse();
	}

	@Test
	void idsTheStarterIssuesAreValid() {
		assertThat(VisitorIds.isValid(new SecureIdGenerator().visitorId())).isTrue();
		assertThat(VisitorIds.isValid("131b0fa25afb7d13f4b004b699b03db0")).isTrue();
		assertThat(VisitorIds.isValid("131b0fa25afb7d13f4b004b699b03db0;")).isFalse();
	}

}
