package dev.cxp.internal.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UserLinks}: the HMAC-SHA256 of the principal's name, in lowercase hexadecimal, under a key that
 * cannot be blank.
 */
class UserLinksTests {

	@Test
	void linkIsTheHmacSha256OfTheNameInLowercaseHexadecimal() {
		// RFC 4231, test case 2
		assertThat(new UserLinks("Jefe").of("what do ya want for nothing?"))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void keyAndNameAreEncodedAsUtf8() {
		// HMAC-SHA256 of the UTF-8 bytes of "José" under the UTF-8 bytes of "clé"; in ISO-8859-1 it would be 3f2e4d47...
		assertThat(new UserLinks("clé").of("José"))
			.isEqualTo("ad516a092231b1b26917cb0ff7570b4602612bb6b59948313198ad1238510c85");
	}

	@Test
	void theSameNameHasOneLinkPerKey() {
		UserLinks links = new UserLinks("key-one");
		assertThat(links.of("alice")).isEqualTo(links.of("alice")).isNotEqualTo(links.of("bob"))
			.isNotEqualTo(new UserLinks("key-two").of("alice"))
			.matches("[0-9a-f]{64}");
	}

	@Test
	void blankKeyIsRefused() {
		for (String blank : new String[] { "", " ", "\t\n" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new UserLinks(blank))
				.withMessage("The user link key must not be blank");
		}
	}

}
