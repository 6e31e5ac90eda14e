package dev.cxp.internal.visitor;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.support.MutableClock;
import dev.cxp.visitor.CxpVisitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session of a request that is no page view, such as a call of the site's own API: a returning visitor gets
 * the live session its page views started, untouched; a new visitor has none.
 */
class VisitorRequestPathSessionTests {

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final CxpActivity activity = new CxpActivity();

	private final InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(Duration.ofMinutes(30),
			() -> "session-1", this.clock, 100, Long.MAX_VALUE);

	private final VisitorRequestPath path = path();

	private VisitorRequestPath path() {
		CxpCookies cookies = new CxpCookies(new CookieAttributes("_mspi", Duration.ofDays(365), null, "Lax", false, false),
				new CookieAttributes("cxp_consent", Duration.ofDays(180), null, "Lax", false, false));
		SessionTracker tracker = new SessionTracker(this.store, this.clock, false, (event) -> {
		}, this.activity);
		return new VisitorRequestPath(ConsentFixtures.defaultPolicy(), cookies,
				new VisitorIdentity(cookies, new SecureIdGenerator(), tracker, this.activity), tracker, this.activity);
	}

	@Test
	void aReturningVisitorsApiCallGetsTheLiveSessionWithoutAPageView() {
		MockHttpServletRequest page = request("/about");
		CxpVisitor viewing = TestExchanges.process(this.path, page, new MockHttpServletResponse(), true);
		assertThat(viewing.session()).isNotNull();
		this.clock.advance(Duration.ofMinutes(5));

		CxpVisitor calling = TestExchanges.process(this.path, request("/api/cart"), new MockHttpServletResponse(),
				false);

		assertThat(calling.visitorId()).isEqualTo("returning-visitor");
		assertThat(calling.session()).isNotNull();
		assertThat(calling.session().id()).isEqualTo("session-1");
		assertThat(calling.session().currentPage()).isEqualTo("/about");
		assertThat(calling.session().lastSeenAt()).isEqualTo(viewing.session().lastSeenAt());
		assertThat(this.activity.pageViews()).isOne();
	}

	@Test
	void aReturningVisitorWithoutASessionHasNone() {
		CxpVisitor calling = TestExchanges.process(this.path, request("/api/cart"), new MockHttpServletResponse(),
				false);
		assertThat(calling.visitorId()).isEqualTo("returning-visitor");
		assertThat(calling.session()).isNull();
		assertThat(this.store.size()).isZero();
	}

	@Test
	void aNewVisitorsApiCallHasNoSession() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		CxpVisitor calling = TestExchanges.process(this.path, new MockHttpServletRequest("GET", "/api/cart"), response,
				false);
		assertThat(calling.visitorId()).isNotNull();
		assertThat(calling.session()).isNull();
		assertThat(response.getHeader("Set-Cookie")).startsWith("_mspi=" + calling.visitorId() + ";");
		assertThat(this.store.size()).isZero();
	}

	private static MockHttpServletRequest request(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setCookies(new Cookie("_mspi", "returning-visitor"));
		return request;
	}

}
