package dev.cxp.internal.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpScript}: the script shipped in the jar and its entity tag.
 */
class CxpScriptTests {

	private final CxpScript script = CxpScript.load();

	@Test
	void theEntityTagIsTheQuotedDigestOfTheContent() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.script.content());
		assertThat(this.script.etag()).matches("\"[A-Za-z0-9_-]{43}\"")
			.isEqualTo("\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"");
	}

	@Test
	void theContentIsTheScriptAndEachCallerGetsItsOwnCopy() {
		byte[] content = this.script.content();
		assertThat(new String(content, StandardCharsets.UTF_8)).isNotBlank();
		content[0] ^= 1;
		assertThat(this.script.content()).isNotEqualTo(content);
	}

}
