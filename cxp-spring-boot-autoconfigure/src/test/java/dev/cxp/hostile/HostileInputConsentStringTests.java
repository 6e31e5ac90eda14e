package dev.cxp.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.cmp.CmpReading;
import dev.cxp.internal.cmp.GppSettings;
import dev.cxp.internal.cmp.IabConsentStringDecoder;
import dev.cxp.internal.cmp.TcfSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated consent strings over the decoder and the reader: random base64url text, truncated real strings
 * and real strings with flipped bits. Whatever the value, nothing is thrown, what decodes is well formed,
 * and nothing of the value is logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputConsentStringTests {

	private final IabConsentStringDecoder decoder = new IabConsentStringDecoder();

	private final CmpConsentReader reader = new CmpConsentReader(this.decoder,
			new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1), "ads", List.of(2, 3, 4)), true),
			new GppSettings("__gpp", "__gpp_sid", List.of("ads")));

	private final List<String> traceable = new ArrayList<>();

	@Test
	void randomBase64UrlText(CapturedOutput output) {
		ConsentStringInput input = new ConsentStringInput(HostileInput.SEED + 1);
		for (int i = 0; i < HostileInput.TRIES; i++) {
			tryValue(input.base64Url(), input.sid(), i);
		}
		assertNothingLogged(output);
	}

	@Test
	void truncatedRealStrings(CapturedOutput output) {
		int tries = 0;
		for (String real : ConsentStringInput.REAL) {
			for (int length = 0; length < real.length(); length++) {
				tryValue(real.substring(0, length), null, tries++);
			}
		}
		assertThat(tries).isGreaterThan(100);
		assertNothingLogged(output);
	}

	@Test
	void realStringsWithFlippedBits(CapturedOutput output) {
		ConsentStringInput input = new ConsentStringInput(HostileInput.SEED + 2);
		for (int i = 0; i < HostileInput.TRIES; i++) {
			tryValue(input.flipped(), input.sid(), i);
		}
		assertNothingLogged(output);
	}

	@Test
	void anyBytes(CapturedOutput output) {
		HostileInput input = new HostileInput(HostileInput.SEED + 3);
		for (int i = 0; i < HostileInput.TRIES; i++) {
			tryValue(input.next(), input.next(), i);
		}
		assertNothingLogged(output);
	}

	private void tryValue(String value, @Nullable String sid, int index) {
		String replay = HostileInput.replay(index) + " value=" + HostileInput.describe(value);
		if (HostileInput.isTraceable(value)) {
			this.traceable.add(value);
		}
		try {
			TcfConsent tcf = this.decoder.decodeTcf(value);
			if (tcf != null) {
				assertWellFormed(tcf, replay);
			}
			GppConsent gpp = this.decoder.decodeGpp(value, sid);
			if (gpp != null && gpp.tcfEuV2() != null) {
				assertWellFormed(gpp.tcfEuV2(), replay);
			}
			CmpReading.read(this.reader, new Cookie[] { new Cookie("euconsent-v2", value), new Cookie("__gpp", value) });
		}
		catch (Throwable ex) {
			fail("thrown" + replay, ex);
		}
	}

	private static void assertWellFormed(TcfConsent consent, String replay) {
		assertThat(consent.purposeConsents()).as("core purposes" + replay).allMatch((id) -> id >= 1 && id <= 24);
		if (consent.publisherPurposeConsents() != null) {
			assertThat(consent.publisherPurposeConsents()).as("publisher purposes" + replay)
				.allMatch((id) -> id >= 1 && id <= 24);
		}
		assertThat(consent.policyVersion()).as("policy version" + replay).isBetween(0, 63);
		assertThat(consent.cmpId()).as("CMP id" + replay).isBetween(0, 4095);
	}

	private void assertNothingLogged(CapturedOutput output) {
		String all = output.getAll();
		assertThat(all).as("exception logged" + HostileInput.replay(-1)).doesNotContain("Exception");
		for (String value : this.traceable) {
			assertThat(all).as("value logged" + HostileInput.replay(-1) + " " + HostileInput.describe(value))
				.doesNotContain(value);
		}
	}

}
