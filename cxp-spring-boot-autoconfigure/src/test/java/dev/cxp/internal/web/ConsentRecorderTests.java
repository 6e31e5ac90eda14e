package dev.cxp.internal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.ConsentRegions;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.visitor.CookieAttributes;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.CxpExchange;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.web.ConsentRecorder.PendingChoice;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsentRecorder} without a consent ledger, driven with mock servlet requests: the site's
 * purposes are {@code analytics} and {@code ads}, and its current revision is {@code 2}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsentRecorderTests {

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final SecureIdGenerator ids = new SecureIdGenerator();

	private final ConsentCookieFormat format = new ConsentCookieFormat(
			ConsentPurposes.of(List.of("analytics", "ads"), "analytics"), "2", null);

	private final ConsentPolicy policy = ConsentFixtures.policy(this.format, ConsentRegions.global(false, true));

	private final CxpCookies cookies = new CxpCookies(
			new CookieAttributes("_mspi", Duration.ofDays(365), null, "Lax", false, false),
			new CookieAttributes("cxp_consent", Duration.ofDays(180), null, "Lax", false, false));

	private final SessionTracker tracker = new SessionTracker(new InMemoryVisitorSessionStore(Duration.ofMinutes(30),
			this.ids::sessionId, this.clock, 100, Long.MAX_VALUE), this.clock, false, (event) -> {
			}, CxpActivityListener.NONE);

	private final AtomicInteger listenerFailures = new AtomicInteger();

	private final List<ConsentState> changes = new CopyOnWriteArrayList<>();

	private final CxpActivityListener listener = new CxpActivityListener() {

		@Override
		public void consentListenerFailed() {
			ConsentRecorderTests.this.listenerFailures.incrementAndGet();
		}

		@Override
		public void consentChanged(ConsentState state) {
			ConsentRecorderTests.this.changes.add(state);
		}

	};

	private final ConsentRecorder recorder = recorder((event) -> {
	});

	@Test
	void withoutALedgerAChoiceHasNoReceipt() {
		assertThat(this.recorder.hasLedger()).isFalse();
		CxpExchange exchange = exchange(post(null));
		PendingChoice pending = this.recorder.prepare(exchange, ConsentChoice.every(ConsentState.GRANTED));
		assertThat(this.recorder.recordInLedger(exchange, pending, this.policy.decide(pending.nextRequest()),
				"0123456789abcdef0123456789abcdef"))
			.isNull();
	}

	@Test
	void aRefusalAfterAGrantIsAWithdrawal() {
		assertThat(method(post("1.2.analytics:g~ads:d"), ConsentChoice.every(ConsentState.DENIED)))
			.isEqualTo(ConsentMethod.WITHDRAWAL);
		assertThat(method(post("1.2.ads:g"), ConsentChoice.perPurpose(Map.of("ads", ConsentState.DENIED))))
			.isEqualTo(ConsentMethod.WITHDRAWAL);
	}

	@Test
	void aRefusalWithoutAnEarlierGrantIsNoWithdrawal() {
		assertThat(method(post(null), ConsentChoice.every(ConsentState.DENIED))).isEqualTo(ConsentMethod.API);
		assertThat(method(post("1.2.analytics:d~ads:d"), ConsentChoice.every(ConsentState.DENIED)))
			.isEqualTo(ConsentMethod.API);
	}

	@Test
	void aChoiceThatStillGrantsSomethingIsNoWithdrawal() {
		assertThat(method(post("1.2.analytics:g~ads:g"), ConsentChoice.perPurpose(Map.of("ads", ConsentState.DENIED))))
			.isEqualTo(ConsentMethod.API);
		assertThat(method(post("1.2.analytics:g"), ConsentChoice.every(ConsentState.GRANTED)))
			.isEqualTo(ConsentMethod.API);
	}

	@Test
	void aDeleteIsAWithdrawalWhateverWasRecordedBefore() {
		MockHttpServletRequest request = post(null);
		request.setMethod("DELETE");
		assertThat(method(request, ConsentChoice.every(ConsentState.DENIED))).isEqualTo(ConsentMethod.WITHDRAWAL);
	}

	@Test
	void aChoiceSentByAPageOfTheSiteIsMadeOnTheBanner() {
		MockHttpServletRequest sameOrigin = post(null);
		sameOrigin.addHeader("Sec-Fetch-Site", "same-origin");
		assertThat(method(sameOrigin, ConsentChoice.every(ConsentState.GRANTED))).isEqualTo(ConsentMethod.BANNER);
		for (String site : List.of("same-site", "cross-site", "none")) {
			MockHttpServletRequest other = post(null);
			other.addHeader("Sec-Fetch-Site", site);
			assertThat(method(other, ConsentChoice.every(ConsentState.GRANTED))).as(site).isEqualTo(ConsentMethod.API);
		}
		assertThat(method(post(null), ConsentChoice.every(ConsentState.GRANTED))).isEqualTo(ConsentMethod.API);
	}

	@Test
	void eachRecordedChoiceIsCountedWithTheStateItLeads() {
		this.recorder.record(exchange(post(null)), ConsentChoice.every(ConsentState.GRANTED));
		this.recorder.record(exchange(post("1.2.analytics:g~ads:g")), ConsentChoice.every(ConsentState.DENIED));
		assertThat(this.changes).containsExactly(ConsentState.GRANTED, ConsentState.DENIED);
	}

	@Test
	void aFailingListenerIsCountedAndLoggedAndTheChoiceStands(CapturedOutput output) {
		ConsentRecorder failing = recorder((event) -> {
			throw new IllegalStateException("listener broke for visitor-in-the-message");
		});
		MockHttpServletResponse response = new MockHttpServletResponse();
		failing.record(exchange(post(null), response), ConsentChoice.every(ConsentState.GRANTED));
		assertThat(response.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("cxp_consent=1.2."));
		assertThat(this.listenerFailures).hasValue(1);
		assertThat(output.getAll().lines().filter((line) -> line.contains("WARN")))
			.singleElement()
			.asString()
			.contains("A ConsentChangedEvent listener failed; the choice was recorded (java.lang.IllegalStateException)")
			.doesNotContain("visitor-in-the-message");
	}

	private ConsentRecorder recorder(ApplicationEventPublisher events) {
		return new ConsentRecorder(this.policy, this.cookies, this.format, Duration.ofDays(30),
				new VisitorIdentity(this.cookies, this.ids, this.tracker, CxpActivityListener.NONE), events,
				this.listener, this.clock, null);
	}

	private ConsentMethod method(MockHttpServletRequest request, ConsentChoice choice) {
		return this.recorder.prepare(exchange(request), choice).method();
	}

	private static MockHttpServletRequest post(@Nullable String consentCookie) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cxp/consent");
		if (consentCookie != null) {
			request.setCookies(new Cookie("cxp_consent", consentCookie));
		}
		return request;
	}

	private static CxpExchange exchange(MockHttpServletRequest request) {
		return TestExchanges.exchange(request);
	}

	private static CxpExchange exchange(MockHttpServletRequest request, MockHttpServletResponse response) {
		return TestExchanges.exchange(request, response);
	}

}
