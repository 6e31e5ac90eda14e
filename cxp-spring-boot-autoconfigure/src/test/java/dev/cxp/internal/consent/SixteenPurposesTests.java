package dev.cxp.internal.consent;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The most purposes a site may configure, {@value ConsentPurposes#MAX_PURPOSES}: a refusal that covers every
 * purpose, Global Privacy Control or a legacy {@code denied}, denies each of them, the last one included.
 */
class SixteenPurposesTests {

	private static final List<String> PURPOSES = IntStream.range(0, ConsentPurposes.MAX_PURPOSES)
		.mapToObj((i) -> "purpose-" + i)
		.toList();

	private static final String LAST = PURPOSES.get(PURPOSES.size() - 1);

	private final ConsentPolicy policy = ConsentFixtures.policy(
			new ConsentCookieFormat(ConsentPurposes.of(PURPOSES, LAST), "1", null), ConsentRegions.global(false, true));

	@Test
	void globalPrivacyControlDeniesEverySixteenPurposes() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", "1");
		DecidedConsent decided = ConsentFixtures.decided(this.policy, request);
		assertThat(decided.decision().source()).isEqualTo(ConsentSources.GPC);
		assertEveryPurposeDenied(decided);
	}

	@Test
	void legacyDenialDeniesEverySixteenPurposes() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "denied"));
		DecidedConsent decided = ConsentFixtures.decided(this.policy, request);
		assertThat(decided.decision().source()).isEqualTo(ConsentSources.COOKIE);
		assertEveryPurposeDenied(decided);
	}

	@Test
	void legacyGrantGrantsEverySixteenPurposes() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cxp_consent", "granted"));
		DecidedConsent decided = ConsentFixtures.decided(this.policy, request);
		assertThat(decided.effective()).isTrue();
		assertThat(decided.decision()).isEqualTo(ConsentDecision.granted(ConsentSources.COOKIE));
		assertThat(PURPOSES).allSatisfy((purpose) -> {
			assertThat(decided.decision().state(purpose)).isEqualTo(ConsentState.GRANTED);
			assertThat(decided.effective(purpose)).isTrue();
		});
	}

	@Test
	void globalPrivacyControlDeniesOnlyThePurposesTheVisitorLeftOpen() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", "1");
		request.setCookies(new Cookie("cxp_consent", "1.1." + LAST + ":g~purpose-0:g"));
		DecidedConsent decided = ConsentFixtures.decided(this.policy, request);
		assertThat(decided.effective()).isTrue();
		assertThat(decided.decision().source()).isEqualTo(ConsentSources.COOKIE);
		assertThat(decided.decision().state(LAST)).isEqualTo(ConsentState.GRANTED);
		assertThat(decided.decision().state("purpose-0")).isEqualTo(ConsentState.GRANTED);
		assertThat(PURPOSES.subList(1, PURPOSES.size() - 1))
			.allSatisfy((purpose) -> assertThat(decided.decision().state(purpose)).isEqualTo(ConsentState.DENIED));
	}

	private static void assertEveryPurposeDenied(DecidedConsent decided) {
		assertThat(decided.effective()).isFalse();
		assertThat(decided.decision().state()).isEqualTo(ConsentState.DENIED);
		assertThat(PURPOSES).allSatisfy((purpose) -> {
			assertThat(decided.decision().state(purpose)).isEqualTo(ConsentState.DENIED);
			assertThat(decided.effective(purpose)).isFalse();
		});
	}

}
