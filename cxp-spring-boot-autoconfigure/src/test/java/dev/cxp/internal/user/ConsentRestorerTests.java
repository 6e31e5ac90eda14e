package dev.cxp.internal.user;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.ConsentRegions;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.ledger.ConsentLedgerGuard;
import dev.cxp.internal.ledger.ConsentLedgerWriter;
import dev.cxp.internal.ledger.JdbcConsentLedger;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.visitor.CookieAttributes;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.web.ConsentRecorder;
import dev.cxp.internal.web.ConsentRecorder.Recorded;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsentRestorer}, one rule of its Javadoc each, with a real recorder over the JDBC ledger on an
 * in-memory database: the site's purposes are {@code analytics} and {@code ads}, and its current revision is
 * {@code 2}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsentRestorerTests {

	private static final String CURRENT = "2";

	private static final String OLDER = "1";

	private static final String ALICE = new UserLinks("test-key").of("alice");

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final SecureIdGenerator ids = new SecureIdGenerator();

	private final InMemoryLedgerDatabase database = new InMemoryLedgerDatabase();

	private final JdbcConsentLedger ledger = this.database.ledger();

	private final ConsentCookieFormat format = new ConsentCookieFormat(
			ConsentPurposes.of(List.of("analytics", "ads"), "analytics"), CURRENT, null);

	private final CxpCookies cookies = new CxpCookies(
			new CookieAttributes("_mspi", Duration.ofDays(365), null, "Lax", false, false),
			new CookieAttributes("cxp_consent", Duration.ofDays(180), null, "Lax", false, false));

	private final SessionTracker tracker = new SessionTracker(new InMemoryVisitorSessionStore(Duration.ofMinutes(30),
			this.ids::sessionId, this.clock, 100, Long.MAX_VALUE), this.clock, false, (event) -> {
			}, CxpActivityListener.NONE);

	// Each restored choice is recorded as made by the user who signed in, as the servlet stack links it
	private final ConsentRecorder recorder = new ConsentRecorder(
			ConsentFixtures.policy(this.format, ConsentRegions.global(false, true)), this.cookies, this.format,
			Duration.ofDays(30), new VisitorIdentity(this.cookies, this.ids, this.tracker, CxpActivityListener.NONE),
			(event) -> {
			}, CxpActivityListener.NONE, this.clock, new ConsentLedgerWriter(this.ledger, new ConsentLedgerCounters(),
					this.ids, this.clock, null, false, (exchange) -> ALICE));

	private final ConsentRestorer restorer = new ConsentRestorer(this.ledger, this.recorder, "cxp_consent");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void nothingIsRestoredForAUserWhoNeverChose() {
		assertThat(restore(this.restorer)).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(this.ledger.findLatestByUserLink(ALICE)).isEmpty();
		assertThat(this.restorer.restored()).isZero();
		assertThat(this.restorer.failures()).isZero();
	}

	@Test
	void aBrowserWithoutAChoiceGetsTheLatestChoiceOfTheCurrentRevisionRecordedAsRestored() {
		choice(CURRENT, Map.of("analytics", ConsentState.DENIED, "ads", ConsentState.DENIED), ConsentMethod.BANNER);
		choice(CURRENT, Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.DENIED), ConsentMethod.BANNER);
		Recorded recorded = restore(this.restorer);
		assertThat(recorded).isNotNull();
		assertThat(recorded.consent().effective()).isTrue();
		assertThat(recorded.cookieValue()).startsWith("1.2.analytics:g~ads:d.");
		assertThat(recorded.visitorId()).isNotNull();
		assertThat(this.response.getHeaders("Set-Cookie")).hasSize(2)
			.anyMatch((cookie) -> cookie.startsWith("cxp_consent=" + recorded.cookieValue() + "; Path=/; Max-Age=15552000;"))
			.anyMatch((cookie) -> cookie.startsWith("_mspi=" + recorded.visitorId() + "; Path=/; Max-Age=31536000;"));
		assertThat(this.ledger.findByReceiptId(receiptOf(recorded))).hasValueSatisfying((restored) -> {
			assertThat(restored.method()).isEqualTo(ConsentMethod.RESTORED);
			assertThat(restored.revision()).isEqualTo(CURRENT);
			assertThat(restored.purposes()).containsExactly(Map.entry("ads", ConsentState.DENIED),
					Map.entry("analytics", ConsentState.GRANTED));
			assertThat(restored.userLink()).isEqualTo(ALICE);
			assertThat(restored.visitor()).isEqualTo(recorded.visitorId());
		});
		assertThat(this.restorer.restored()).isOne();
		assertThat(this.restorer.failures()).isZero();
	}

	@Test
	void aBrowserWhoseGrantIsOfAnOlderRevisionCountsAsOneWithoutAChoice() {
		choice(CURRENT, Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.GRANTED), ConsentMethod.API);
		Recorded recorded = restore(this.restorer, new Cookie("cxp_consent", "1.1.analytics:g~ads:g"),
				new Cookie("cxp_consent", "granted"));
		assertThat(recorded).isNotNull();
		assertThat(recorded.cookieValue()).startsWith("1.2.analytics:g~ads:g.");
		assertThat(this.restorer.restored()).isOne();
	}

	@Test
	void aChoiceOfAnOlderRevisionIsNotRestored() {
		choice(OLDER, Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.GRANTED), ConsentMethod.BANNER);
		assertThat(restore(this.restorer)).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(this.restorer.restored()).isZero();
	}

	@Test
	void aRefusalIsRestoredUnderAnyRevisionAndStopsTracking() {
		choice(OLDER, Map.of("analytics", ConsentState.DENIED), ConsentMethod.WITHDRAWAL);
		Recorded recorded = restore(this.restorer, new Cookie("_mspi", "visitor-on-b"));
		assertThat(recorded).isNotNull();
		assertThat(recorded.consent().effective()).isFalse();
		assertThat(recorded.cookieValue()).startsWith("1.2.analytics:d~ads:d.");
		assertThat(recorded.visitorId()).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("_mspi=;"))
			.anyMatch((cookie) -> cookie.startsWith("cxp_consent=" + recorded.cookieValue() + ";"));
		assertThat(this.ledger.findByReceiptId(receiptOf(recorded))).hasValueSatisfying((restored) -> {
			assertThat(restored.method()).isEqualTo(ConsentMethod.RESTORED);
			assertThat(restored.revision()).isEqualTo(CURRENT);
			assertThat(restored.purposes()).containsOnly(Map.entry("ads", ConsentState.DENIED),
					Map.entry("analytics", ConsentState.DENIED));
		});
		assertThat(this.restorer.restored()).isOne();
	}

	@Test
	void aGrantNeverOverwritesTheBrowsersOwnChoice() {
		choice(CURRENT, Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.GRANTED), ConsentMethod.BANNER);
		assertThat(restore(this.restorer, new Cookie("cxp_consent", "1.2.ads:g"))).isNull();
		assertThat(restore(this.restorer, new Cookie("cxp_consent", "1.2.analytics:d~ads:d"))).isNull();
		assertThat(restore(this.restorer, new Cookie("cxp_consent", "1.1.analytics:d"))).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(this.restorer.restored()).isZero();
	}

	@Test
	void aWithdrawalOnAnotherBrowserWinsOverThisBrowsersGrant() {
		String grantedHere = this.ids.receiptId();
		choice(CURRENT, Map.of("analytics", ConsentState.DENIED, "ads", ConsentState.DENIED), ConsentMethod.WITHDRAWAL);
		Recorded recorded = restore(this.restorer, new Cookie("cxp_consent", "1.2.analytics:g~ads:g." + grantedHere),
				new Cookie("_mspi", "visitor-on-a"));
		assertThat(recorded).isNotNull();
		assertThat(recorded.cookieValue()).startsWith("1.2.analytics:d~ads:d.");
		assertThat(recorded.visitorId()).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("_mspi=;"));
		assertThat(this.restorer.restored()).isOne();
	}

	@Test
	void aWithdrawalOfAnOlderRevisionWinsOverAGrantWithoutAReceipt() {
		choice(OLDER, Map.of("analytics", ConsentState.DENIED), ConsentMethod.WITHDRAWAL);
		Recorded recorded = restore(this.restorer, new Cookie("cxp_consent", "1.2.ads:g"));
		assertThat(recorded).isNotNull();
		assertThat(recorded.cookieValue()).startsWith("1.2.analytics:d~ads:d.");
	}

	@Test
	void aWithdrawalThisBrowserRecordedItselfIsNotRestoredAgain() {
		ConsentRecord withdrawal = choice(CURRENT, Map.of("analytics", ConsentState.DENIED), ConsentMethod.WITHDRAWAL);
		// Two copies of the cookie, say host-only and for the domain: the withdrawal's, and an older grant of ads
		Recorded recorded = restore(this.restorer, new Cookie("cxp_consent", "not-a-consent-value"),
				new Cookie("cxp_consent", "1.2.ads:g"), new Cookie("cxp_consent", "1.2.analytics:d." + withdrawal.receiptId()));
		assertThat(recorded).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(this.restorer.restored()).isZero();
	}

	@Test
	void onlyConfiguredPurposesWithAStateAreRestored() {
		choice(CURRENT, Map.of("analytics", ConsentState.UNSPECIFIED, "ads", ConsentState.GRANTED, "video",
				ConsentState.GRANTED), ConsentMethod.API);
		Recorded recorded = restore(this.restorer);
		assertThat(recorded).isNotNull();
		assertThat(recorded.cookieValue()).startsWith("1.2.ads:g.");
		assertThat(this.ledger.findByReceiptId(receiptOf(recorded)))
			.hasValueSatisfying((restored) -> assertThat(restored.purposes())
				.containsExactly(Map.entry("ads", ConsentState.GRANTED)));
	}

	@Test
	void aChoiceThatStatesNoConfiguredPurposeIsNotRestored() {
		choice(CURRENT, Map.of("video", ConsentState.GRANTED), ConsentMethod.API);
		assertThat(restore(this.restorer)).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(this.restorer.restored()).isZero();
	}

	@Test
	void aLedgerThatFailsCostsTheSignInOnlyTheRestoration(CapturedOutput output) {
		ConsentLedger down = new JdbcConsentLedger(this.database.dataSource()) {

			@Override
			public Optional<ConsentRecord> findLatestByUserLink(String userLink) {
				throw new CannotGetJdbcConnectionException("Connection to the ledger's database refused");
			}

		};
		ConsentRestorer restorer = new ConsentRestorer(down, this.recorder, "cxp_consent");
		assertThat(restore(restorer, new Cookie("_mspi", "visitor-on-b"))).isNull();
		assertThat(restore(restorer, new Cookie("_mspi", "visitor-on-b"))).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(restorer.failures()).isEqualTo(2);
		assertThat(restorer.restored()).isZero();
		assertThat(output.getAll().lines().filter((line) -> line.contains("WARN")))
			.singleElement()
			.asString()
			.contains("The latest consent choice of a user who signed in could not be read; the browser keeps its own "
					+ "(org.springframework.jdbc.CannotGetJdbcConnectionException)");
		assertThat(output.getAll()).doesNotContain(ALICE).doesNotContain("visitor-on-b");
	}

	@Test
	void aSlowLedgerIsGivenUpAtTheGuardsTimeout() {
		choice(CURRENT, Map.of("analytics", ConsentState.GRANTED), ConsentMethod.BANNER);
		CountDownLatch answer = new CountDownLatch(1);
		ConsentLedger slow = new JdbcConsentLedger(this.database.dataSource()) {

			@Override
			public Optional<ConsentRecord> findLatestByUserLink(String userLink) {
				try {
					answer.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return super.findLatestByUserLink(userLink);
			}

		};
		try (ConsentLedgerGuard guard = new ConsentLedgerGuard(this.clock, Duration.ofMillis(50), 1, 10, 10)) {
			ConsentRestorer restorer = new ConsentRestorer(guard.guard(slow), this.recorder, "cxp_consent");
			try {
				assertThat(restore(restorer)).isNull();
			}
			finally {
				answer.countDown();
			}
			assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
			assertThat(restorer.failures()).isOne();
			assertThat(restorer.restored()).isZero();
		}
	}

	private ConsentRecord choice(String revision, Map<String, ConsentState> purposes, ConsentMethod method) {
		ConsentRecord record = new ConsentRecord(this.ids.receiptId(), this.clock.instant(), revision, purposes, method,
				null, null, null, null, ALICE);
		this.ledger.append(record);
		this.clock.advance(Duration.ofMinutes(1));
		return record;
	}

	private @Nullable Recorded restore(ConsentRestorer restorer, Cookie... cookies) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		if (cookies.length > 0) {
			request.setCookies(cookies);
		}
		return restorer.restore(TestExchanges.exchange(request, this.response), ALICE);
	}

	private String receiptOf(Recorded recorded) {
		return this.format.parse(recorded.cookieValue()).receiptId();
	}

}
