package dev.cxp.internal.visitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.visitor.CxpCookies.VisitorIdCookies;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VisitorIdentity}: a valid id is kept without a cookie, a new one is issued only when needed,
 * and an erasure deletes the cookie, erases the sessions of the first few valid ids in one store operation and
 * reports a store that failed.
 */
class VisitorIdentityTests {

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final CxpCookies cookies = new CxpCookies(
			new CookieAttributes("_mspi", Duration.ofDays(365), "example.test", "Lax", false, false),
			new CookieAttributes("cxp_consent", Duration.ofDays(180), null, "Lax", false, false));

	private final CxpActivity activity = new CxpActivity();

	private final RecordingStore store = new RecordingStore();

	private final SessionTracker tracker = new SessionTracker(this.store, this.clock, false, (event) -> {
	}, this.activity);

	private final VisitorIdentity identity = new VisitorIdentity(this.cookies, new SecureIdGenerator(), this.tracker,
			this.activity);

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void aValidIdIsKeptWithoutACookie() {
		MockHttpServletRequest request = request(new Cookie("_mspi", "returning-visitor"));
		String visitorId = this.identity.ensureVisitorId(exchange(request), carried(request));
		assertThat(visitorId).isEqualTo("returning-visitor");
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(this.activity.visitorsCreated()).isZero();
		assertThat(this.activity.visitorsInvalid()).isZero();
	}

	@Test
	void aNewVisitorGetsOneNewIdInOneCookie() {
		MockHttpServletRequest request = request();
		String visitorId = this.identity.ensureVisitorId(exchange(request), carried(request));
		assertThat(visitorId).matches("[0-9a-f]{32}");
		assertThat(this.response.getHeaders("Set-Cookie")).singleElement()
			.asString()
			.startsWith("_mspi=" + visitorId + "; Path=/; Domain=example.test; Max-Age=31536000;");
		assertThat(this.activity.visitorsCreated()).isOne();
		assertThat(this.activity.visitorsInvalid()).isZero();
	}

	@Test
	void anInvalidIdIsReplacedAndCountedAsInvalid() {
		MockHttpServletRequest request = request(new Cookie("_mspi", "not a valid id"));
		String visitorId = this.identity.ensureVisitorId(exchange(request), carried(request));
		assertThat(visitorId).matches("[0-9a-f]{32}");
		assertThat(this.response.getHeaders("Set-Cookie")).singleElement().asString().startsWith("_mspi=" + visitorId);
		assertThat(this.activity.visitorsCreated()).isOne();
		assertThat(this.activity.visitorsInvalid()).isOne();
	}

	@Test
	void aRequestWithoutAVisitorIdHasNothingToErase() {
		MockHttpServletRequest request = request();
		VisitorErasure erasure = this.identity.eraseVisitor(exchange(request), carried(request));
		assertThat(erasure.visitorId()).isNull();
		assertThat(erasure.serverDataErased()).isTrue();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(this.activity.visitorsErased()).isZero();
		assertThat(this.store.erasures).isEmpty();
	}

	@Test
	void anInvalidIdIsDeletedInEveryVariantWithoutAskingTheStore() {
		MockHttpServletRequest request = request(new Cookie("_mspi", "not a valid id"));
		VisitorErasure erasure = this.identity.eraseVisitor(exchange(request), carried(request));
		assertThat(erasure.visitorId()).isNull();
		assertThat(erasure.serverDataErased()).isTrue();
		assertThat(this.response.getHeaders("Set-Cookie")).satisfiesExactly(
				(hostOnly) -> assertThat(hostOnly).startsWith("_mspi=; Path=/; Max-Age=0;").doesNotContain("Domain"),
				(domain) -> assertThat(domain).startsWith("_mspi=; Path=/; Domain=example.test; Max-Age=0;"));
		assertThat(this.activity.visitorsErased()).isOne();
		assertThat(this.store.erasures).isEmpty();
	}

	@Test
	void anErasureRemovesTheSessionsOfTheFirstFourValidIdsInOneStoreOperation() {
		Cookie[] ids = IntStream.range(0, 6).mapToObj((i) -> new Cookie("_mspi", "visitor-" + i)).toArray(Cookie[]::new);
		MockHttpServletRequest request = request(ids);
		VisitorErasure erasure = this.identity.eraseVisitor(exchange(request), carried(request));
		assertThat(erasure.visitorId()).isEqualTo("visitor-0");
		assertThat(erasure.serverDataErased()).isTrue();
		assertThat(this.store.erasures).containsExactly(List.of("visitor-0", "visitor-1", "visitor-2", "visitor-3"));
		assertThat(this.store.erasedAt).containsExactly(this.clock.instant());
		assertThat(this.activity.visitorsErased()).isOne();
		assertThat(this.activity.erasuresFailed()).isZero();
	}

	@Test
	void aSingleIdIsErasedAlone() {
		MockHttpServletRequest request = request(new Cookie("_mspi", "only-visitor"));
		VisitorErasure erasure = this.identity.eraseVisitor(exchange(request), carried(request));
		assertThat(erasure).isEqualTo(new VisitorErasure("only-visitor", true));
		assertThat(this.store.erasures).containsExactly(List.of("only-visitor"));
	}

	@Test
	void anErasureTheStoreFailsIsReportedAndCounted() {
		this.store.failing = true;
		MockHttpServletRequest request = request(new Cookie("_mspi", "unlucky-visitor"));
		VisitorErasure erasure = this.identity.eraseVisitor(exchange(request), carried(request));
		assertThat(erasure).isEqualTo(new VisitorErasure("unlucky-visitor", false));
		assertThat(this.response.getHeaders("Set-Cookie")).hasSize(2).allMatch((cookie) -> cookie.startsWith("_mspi=;"));
		assertThat(this.activity.erasuresFailed()).isOne();
		assertThat(this.activity.storeErrors()).isOne();
		assertThat(this.activity.visitorsErased()).isOne();
	}

	@Test
	void forgettingNoVisitorIsNoStoreOperationAndCannotFail() {
		this.store.failing = true;
		assertThat(this.tracker.forget(List.of())).isTrue();
		assertThat(this.store.erasures).isEmpty();
		assertThat(this.activity.storeErrors()).isZero();
		assertThat(this.tracker.forget(List.of("someone"))).isFalse();
		assertThat(this.activity.storeErrors()).isOne();
	}

	private static MockHttpServletRequest request(Cookie... cookies) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		if (cookies.length > 0) {
			request.setCookies(cookies);
		}
		return request;
	}

	private CxpExchange exchange(MockHttpServletRequest request) {
		return TestExchanges.exchange(request, this.response);
	}

	private VisitorIdCookies carried(MockHttpServletRequest request) {
		return this.cookies.visitorIds(TestExchanges.consentRequest(request));
	}

	/**
	 * A store that records its erasures and can be made to fail them.
	 */
	private static final class RecordingStore implements VisitorSessionStore {

		private final InMemoryVisitorSessionStore sessions = new InMemoryVisitorSessionStore(Duration.ofMinutes(30),
				() -> "session", java.time.Clock.systemUTC(), 100, Long.MAX_VALUE);

		final List<List<String>> erasures = new ArrayList<>();

		final List<Instant> erasedAt = new ArrayList<>();

		boolean failing;

		@Override
		public @Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit) {
			return this.sessions.recordPageView(visitorId, visit);
		}

		@Override
		public @Nullable VisitSession find(String visitorId, Instant now) {
			return this.sessions.find(visitorId, now);
		}

		@Override
		public void remove(String visitorId) {
			throw new UnsupportedOperationException("an erasure is one operation");
		}

		@Override
		public void erase(List<String> visitorIds, Instant erasedAt) {
			if (this.failing) {
				throw new IllegalStateException("store down");
			}
			this.erasures.add(List.copyOf(visitorIds));
			this.erasedAt.add(erasedAt);
		}

		@Override
		public long size() {
			return this.sessions.size();
		}

	}

}
