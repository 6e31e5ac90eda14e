package dev.cxp.internal.consent;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.web.servlet.ServletConsentRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsentPolicy}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsentPolicyTests {

	@ParameterizedTest(name = "{0} with required={1} -> effective {2}")
	@CsvSource({ "GRANTED, false, true", "GRANTED, true, true", "DENIED, false, false", "DENIED, true, false",
			"UNSPECIFIED, false, true", "UNSPECIFIED, true, false" })
	void policy(ConsentState state, boolean required, boolean effective) {
		ConsentPolicy policy = policy((request) -> new ConsentDecision(state, "test"), required);
		DecidedConsent decided = policy.decide(ServletConsentRequest.of(new MockHttpServletRequest()));
		assertThat(decided.decision().state()).isEqualTo(state);
		assertThat(decided.effective()).isEqualTo(effective);
	}

	@Test
	void throwingResolverFailsClosedWithoutLoggingCookies(CapturedOutput output) {
		ConsentPolicy policy = policy((request) -> {
			throw new IllegalStateException("cannot parse " + request.cookies("cmp").get(0));
		}, false);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cmp", "secret-cookie-value"));
		DecidedConsent decided = policy.decide(ServletConsentRequest.of(request));
		assertThat(decided.decision()).isEqualTo(ConsentDecision.denied("error"));
		assertThat(decided.effective()).isFalse();
		assertThat(output).contains("ConsentResolver failed").doesNotContain("secret-cookie-value");
	}

	@Test
	void nullDecisionCountsAsUnspecified() {
		ConsentPolicy lenient = policy((request) -> null, false);
		ConsentPolicy strict = policy((request) -> null, true);
		DecidedConsent decided = lenient.decide(ServletConsentRequest.of(new MockHttpServletRequest()));
		assertThat(decided.decision()).isEqualTo(ConsentDecision.unspecified());
		assertThat(decided.effective()).isTrue();
		assertThat(strict.decide(ServletConsentRequest.of(new MockHttpServletRequest())).effective()).isFalse();
	}

	@Test
	void globalPrivacyControlDeniesWhatAnyResolverLeavesOpen() {
		ConsentPurposes purposes = ConsentPurposes.of(List.of("analytics", "ads"), "analytics");
		ConsentPolicy policy = new ConsentPolicy(
				(request) -> new ConsentDecision(ConsentState.UNSPECIFIED, "site", Map.of("ads", ConsentState.GRANTED)),
				purposes, ConsentRegions.global(false, true));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Sec-GPC", "1");
		DecidedConsent decided = policy.decide(ServletConsentRequest.of(request));
		assertThat(decided.decision().state()).isEqualTo(ConsentState.DENIED);
		assertThat(decided.decision().state("ads")).isEqualTo(ConsentState.GRANTED);
		assertThat(decided.decision().source()).isEqualTo("site");
		assertThat(decided.effective()).isFalse();
		ConsentPolicy silent = new ConsentPolicy((anyRequest) -> null, purposes, ConsentRegions.global(false, true));
		assertThat(silent.decide(ServletConsentRequest.of(request)).decision()).isEqualTo(ConsentDecision.denied("gpc"));
		ConsentPolicy ignoring = new ConsentPolicy((anyRequest) -> null, purposes, ConsentRegions.global(false, false));
		assertThat(ignoring.decide(ServletConsentRequest.of(request)).decision()).isEqualTo(ConsentDecision.unspecified());
	}

	private static ConsentPolicy policy(Function<ConsentRequest, ConsentDecision> resolver, boolean required) {
		return new ConsentPolicy(resolver, ConsentPurposes.defaults(), ConsentRegions.global(required, true));
	}

}
