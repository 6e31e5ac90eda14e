package dev.cxp.hostile;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentCookie;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.ConsentRegions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Generated consent cookie values, near misses of the starter's own format and any bytes: the parser never
 * throws, accepts only cookie-octet values that follow the grammar, reads what it accepts the same way every
 * time, and the resolver agrees with it.
 */
class HostileConsentCookieFormatTests {

	private static final ConsentPurposes PURPOSES = ConsentPurposes
		.of(List.of("analytics", "ads", "personalization"), "analytics");

	private final ConsentCookieFormat format = new ConsentCookieFormat(PURPOSES, "3", null);

	private final ConsentPolicy policy = ConsentFixtures.policy(this.format, ConsentRegions.global(false, true));

	@Test
	void nearMissesAndAnyBytesNeverHurt() {
		HostileInput input = new HostileInput(HostileInput.SEED + 90);
		for (int i = 0; i < 20 * HostileInput.TRIES; i++) {
			String value = (i % 4 == 3) ? input.next() : input.nextConsentCookie();
			String replay = HostileInput.replay(i) + " value=" + HostileInput.describe(value);
			ConsentCookie[] parsed = new ConsentCookie[1];
			assertThatNoException().as("parse" + replay).isThrownBy(() -> parsed[0] = this.format.parse(value));
			ConsentDecision decision = resolve(value);
			if (parsed[0] == null) {
				assertThat(decision).as("absent" + replay).isEqualTo(ConsentDecision.unspecified());
				continue;
			}
			assertThat(value.length()).as("length" + replay).isLessThanOrEqualTo(ConsentCookieFormat.MAX_LENGTH);
			assertThat(value.chars()).as("cookie-octets" + replay).allMatch(HostileConsentCookieFormatTests::isCookieOctet);
			assertThat(parsed[0].states().keySet()).as("configured purposes only" + replay)
				.allMatch(PURPOSES::contains);
			for (String purpose : PURPOSES.names()) {
				ConsentState recorded = parsed[0].state(purpose);
				ConsentState expected = (recorded == ConsentState.GRANTED && !parsed[0].revision().equals("3"))
						? ConsentState.UNSPECIFIED : recorded;
				assertThat(decision.state(purpose)).as(purpose + replay).isEqualTo(expected);
			}
			if (!parsed[0].states().isEmpty()) {
				assertThat(this.format.parse(this.format.format(parsed[0]))).as("round trip" + replay)
					.isEqualTo(parsed[0]);
			}
		}
	}

	@Test
	void aValidValueBehindMalformedOnesStillCounts() {
		HostileInput input = new HostileInput(HostileInput.SEED + 91);
		for (int i = 0; i < HostileInput.TRIES; i++) {
			String junk = input.nextConsentCookie();
			if (this.format.parse(junk) != null) {
				continue;
			}
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setCookies(new Cookie("cxp_consent", junk), new Cookie("cxp_consent", "1.3.ads:d"));
			assertThat(ConsentFixtures.decide(this.policy, request).purposes()).as(HostileInput.replay(i))
				.isEqualTo(Map.of("ads", ConsentState.DENIED));
		}
	}

	private ConsentDecision resolve(String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", value));
		return ConsentFixtures.decide(this.policy, request);
	}

	private static boolean isCookieOctet(int c) {
		return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5B)
				|| (c >= 0x5D && c <= 0x7E);
	}

}
