package dev.cxp.internal.consent;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ConsentState;

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
		ConsentPolicy policy = new ConsentPolicy((request) -> new ConsentDecision(state, "test"), required);
		ConsentDecision decision = policy.decide(new MockHttpServletRequest());
		assertThat(decision.state()).isEqualTo(state);
		assertThat(policy.isEffective(decision)).isEqualTo(effective);
	}

	@Test
	void throwingResolverFailsClosedWithoutLoggingCookies(CapturedOutput output) {
		ConsentPolicy policy = new ConsentPolicy((request) -> {
			throw new IllegalStateException("cannot parse " + request.getCookies()[0].getValue());
		}, false);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("cmp", "secret-cookie-value"));
		ConsentDecision decision = policy.decide(request);
		assertThat(decision).isEqualTo(ConsentDecision.denied("error"));
		assertThat(policy.isEffective(decision)).isFalse();
		assertThat(output).contains("ConsentResolver failed").doesNotContain("secret-cookie-value");
	}

	@Test
	void nullDecisionCountsAsUnspecified() {
		ConsentPolicy lenient = new ConsentPolicy((request) -> null, false);
		ConsentPolicy strict = new ConsentPolicy((request) -> null, true);
		ConsentDecision decision = lenient.decide(new MockHttpServletRequest());
		assertThat(decision).isEqualTo(ConsentDecision.unspecified());
		assertThat(lenient.isEffective(decision)).isTrue();
		assertThat(strict.isEffective(strict.decide(new MockHttpServletRequest()))).isFalse();
	}

}
