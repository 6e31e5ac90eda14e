package dev.cxp.internal.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.ledger.ConsentLedgerGuard;
import dev.cxp.internal.ledger.JdbcConsentLedger;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.user.SubjectRequests.SubjectErasure;
import dev.cxp.internal.user.SubjectRequests.SubjectRecord;
import dev.cxp.internal.user.SubjectRequests.SubjectReport;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SubjectRequests}, over the JDBC ledger and visitor id table on an in-memory database and the
 * in-memory session store: alice has two consent records and three linked visitor ids, two of them with a visit
 * session; bob has a record and a session of his own, and one record is linked to nobody.
 */
@ExtendWith(OutputCaptureExtension.class)
class SubjectRequestsTests {

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final SecureIdGenerator ids = new SecureIdGenerator();

	private final InMemoryLedgerDatabase database = new InMemoryLedgerDatabase();

	private final JdbcConsentLedger ledger = this.database.ledger();

	private final UserVisitors visitors = this.database.userVisitors(this.clock, Duration.ofMinutes(30));

	private final ConsentLedgerGuard guard = new ConsentLedgerGuard(this.clock, Duration.ofSeconds(10), 4, 100, 100);

	private final CxpActivity activity = new CxpActivity();

	private final OutOfOrderStore store = new OutOfOrderStore(this.ids, this.clock);

	private final SessionTracker sessions = new SessionTracker(this.store, this.clock, false, (event) -> {
	}, this.activity);

	private final UserLinks links = new UserLinks("test-key");

	private final String alice = this.links.of("alice");

	private final String bob = this.links.of("bob");

	private final SubjectRequests requests = new SubjectRequests(this.links, this.guard.guard(this.ledger),
			this.visitors, this.guard, this.sessions);

	private ConsentRecord first;

	private ConsentRecord latest;

	private ConsentRecord bobs;

	private ConsentRecord nobodys;

	@BeforeEach
	void aliceAndBobBrowse() {
		this.first = choice(this.alice, ConsentMethod.BANNER, "EEA", "visitor-on-a");
		browse(this.alice, "visitor-on-a");
		this.visitors.link(this.alice, "visitor-gone");
		this.clock.advance(Duration.ofMinutes(1));
		this.latest = choice(this.alice, ConsentMethod.RESTORED, null, "visitor-on-b");
		browse(this.alice, "visitor-on-b");
		this.bobs = choice(this.bob, ConsentMethod.API, null, "visitor-of-bob");
		browse(this.bob, "visitor-of-bob");
		this.nobodys = choice(null, ConsentMethod.BANNER, null, null);
	}

	@AfterEach
	void close() {
		this.guard.close();
		this.database.close();
	}

	@Test
	void accessReturnsTheUsersRecordsLatestFirstAndTheSessionsOfTheirVisitorIds(CapturedOutput output) {
		SubjectReport report = this.requests.access("alice");
		assertThat(report.records()).containsExactly(
				new SubjectRecord(this.latest.receiptId(), this.latest.timestamp(), "3",
						Map.of("analytics", ConsentState.GRANTED), "restored", null, "visitor-on-b"),
				new SubjectRecord(this.first.receiptId(), this.first.timestamp(), "3",
						Map.of("analytics", ConsentState.GRANTED), "banner", "EEA", "visitor-on-a"));
		assertThat(report.sessions()).extracting((session) -> session.visitorId())
			.containsExactly("visitor-on-b", "visitor-on-a");
		assertThat(report.sessions()).allSatisfy(
				(session) -> assertThat(session.session()).isEqualTo(this.sessions.currentSession(session.visitorId())));
		assertThat(this.requests.accessRequests()).isOne();
		assertThat(this.requests.erasureRequests()).isZero();
		assertThat(output.getAll().lines().filter((line) -> line.contains("data subject")))
			.singleElement()
			.asString()
			.contains("INFO")
			.endsWith("Answered a data subject's access request: 2 consent records, 2 visit sessions");
		assertNothingIdentifyingLogged(output);
	}

	@Test
	void accessForAUserWithoutDataFindsNothingAndIsCounted(CapturedOutput output) {
		SubjectReport report = this.requests.access("carol");
		assertThat(report.records()).isEmpty();
		assertThat(report.sessions()).isEmpty();
		assertThat(this.requests.accessRequests()).isOne();
		assertThat(output).contains("Answered a data subject's access request: 0 consent records, 0 visit sessions");
	}

	@Test
	void erasureErasesTheSessionsUnlinksTheRecordsAndForgetsTheVisitorIds(CapturedOutput output) {
		SubjectErasure erasure = this.requests.erase("alice");
		assertThat(erasure).isEqualTo(new SubjectErasure(3, 2));
		assertThat(this.sessions.currentSession("visitor-on-a")).isNull();
		assertThat(this.sessions.currentSession("visitor-on-b")).isNull();
		assertThat(this.store.erasures).hasValue(1);
		assertThat(this.ledger.findByReceiptId(this.first.receiptId())).contains(this.first.withUserLink(null));
		assertThat(this.ledger.findByReceiptId(this.latest.receiptId())).contains(this.latest.withUserLink(null));
		assertThat(this.visitors.visitorIds(this.alice)).isEmpty();
		SubjectReport after = this.requests.access("alice");
		assertThat(after.records()).isEmpty();
		assertThat(after.sessions()).isEmpty();
		assertThat(this.requests.erasureRequests()).isOne();
		assertThat(this.requests.accessRequests()).isOne();
		assertThat(output.getAll().lines().filter((line) -> line.contains("erasure request")))
			.singleElement()
			.asString()
			.contains("INFO")
			.endsWith("Answered a data subject's erasure request: sessions of 3 visitor ids erased, "
					+ "2 consent records unlinked");
		assertNothingIdentifyingLogged(output);
	}

	@Test
	void erasureLeavesOtherUsersAndUnlinkedRecordsAlone() {
		this.requests.erase("alice");
		assertThat(this.sessions.currentSession("visitor-of-bob")).isNotNull();
		assertThat(this.ledger.findByReceiptId(this.bobs.receiptId())).contains(this.bobs);
		assertThat(this.ledger.findByReceiptId(this.nobodys.receiptId())).contains(this.nobodys);
		assertThat(this.visitors.visitorIds(this.bob)).containsExactly("visitor-of-bob");
		assertThat(this.requests.access("bob").sessions()).singleElement()
			.satisfies((session) -> assertThat(session.visitorId()).isEqualTo("visitor-of-bob"));
	}

	@Test
	void erasureOfAUserWithoutVisitorIdsAsksNothingOfTheSessionStore(CapturedOutput output) {
		this.store.failing = true;
		assertThat(this.requests.erase("carol")).isEqualTo(new SubjectErasure(0, 0));
		assertThat(this.store.erasures).hasValue(0);
		assertThat(this.requests.erasureRequests()).isOne();
		assertThat(output).contains("Answered a data subject's erasure request: sessions of 0 visitor ids erased, "
				+ "0 consent records unlinked");
	}

	@Test
	void aSessionStoreThatFailsFailsTheErasure(CapturedOutput output) {
		this.store.failing = true;
		assertThatIllegalStateException().isThrownBy(() -> this.requests.erase("alice"))
			.withMessage("The session store could not erase the sessions; retry the request");
		assertThat(this.sessions.currentSession("visitor-on-a")).isNotNull();
		assertThat(this.sessions.currentSession("visitor-on-b")).isNotNull();
		assertThat(this.activity.storeErrors()).isOne();
		assertThat(this.requests.erasureRequests()).isOne();
		assertThat(output.getAll().lines().filter((line) -> line.contains("erasure request")))
			.singleElement()
			.asString()
			.contains("INFO")
			.endsWith("Answered a data subject's erasure request: sessions of 3 visitor ids erased "
					+ "(the session store failed), 2 consent records unlinked");
		assertNothingIdentifyingLogged(output);
	}

	@Test
	void anErasureTheSessionStoreFailedReachesTheSessionsWhenRepeated() {
		this.store.failing = true;
		assertThatIllegalStateException().isThrownBy(() -> this.requests.erase("alice"));
		assertThat(this.visitors.visitorIds(this.alice)).containsExactly("visitor-on-b", "visitor-gone", "visitor-on-a");
		this.store.failing = false;
		assertThat(this.requests.erase("alice")).isEqualTo(new SubjectErasure(3, 0));
		assertThat(this.sessions.currentSession("visitor-on-a")).isNull();
		assertThat(this.sessions.currentSession("visitor-on-b")).isNull();
		assertThat(this.visitors.visitorIds(this.alice)).isEmpty();
		assertThat(this.requests.erasureRequests()).isEqualTo(2);
	}

	private ConsentRecord choice(@Nullable String userLink, ConsentMethod method, @Nullable String region,
			@Nullable String visitorId) {
		ConsentRecord record = new ConsentRecord(this.ids.receiptId(), this.clock.instant(), "3",
				Map.of("analytics", ConsentState.GRANTED), method, region, visitorId, null, null, userLink);
		this.ledger.append(record);
		this.clock.advance(Duration.ofMinutes(1));
		return record;
	}

	private void browse(String userLink, String visitorId) {
		assertThat(this.sessions.trackPageView(visitorId, new RequestedPage("", "/", null), this.clock.instant()))
			.isNotNull();
		this.visitors.link(userLink, visitorId);
		this.clock.advance(Duration.ofMinutes(1));
	}

	private void assertNothingIdentifyingLogged(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain("alice")
			.doesNotContain(this.alice)
			.doesNotContain("visitor-on-a")
			.doesNotContain("visitor-on-b")
			.doesNotContain("visitor-gone");
	}

	/**
	 * The in-memory store, counting its erasures, which fail while {@link #failing} is set.
	 */
	private static final class OutOfOrderStore extends InMemoryVisitorSessionStore {

		private final AtomicInteger erasures = new AtomicInteger();

		private volatile boolean failing;

		OutOfOrderStore(SecureIdGenerator ids, Clock clock) {
			super(Duration.ofMinutes(30), ids::sessionId, clock, 100, Long.MAX_VALUE);
		}

		@Override
		public void erase(List<String> visitorIds, Instant erasedAt) {
			this.erasures.incrementAndGet();
			if (this.failing) {
				throw new IllegalStateException("The session store is unreachable");
			}
			super.erase(visitorIds, erasedAt);
		}

	}

}
