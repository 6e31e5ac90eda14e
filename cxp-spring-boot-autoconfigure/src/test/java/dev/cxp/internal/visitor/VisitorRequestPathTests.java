package dev.cxp.internal.visitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.support.MutableClock;
import dev.cxp.visitor.CxpVisitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VisitorRequestPath}: the request's cookies are scanned once, whatever the path takes.
 */
class VisitorRequestPathTests {

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final CxpCookies cookies = new CxpCookies(
			new CookieAttributes("_mspi", Duration.ofDays(365), null, "Lax", false, false),
			new CookieAttributes("cxp_consent", Duration.ofDays(180), null, "Lax", false, false));

	private final SecureIdGenerator ids = new SecureIdGenerator();

	private final InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(Duration.ofMinutes(30),
			this.ids::sessionId, this.clock, 100, Long.MAX_VALUE);

	private final SessionTracker tracker = new SessionTracker(this.store, this.clock, false, (event) -> {
	}, CxpActivityListener.NONE);

	private final VisitorRequestPath path = new VisitorRequestPath(
			ConsentFixtures.defaultPolicy(), this.cookies,
			new VisitorIdentity(this.cookies, this.ids, this.tracker, CxpActivityListener.NONE), this.tracker,
			CxpActivityListener.NONE);

	@Test
	void returningVisitorScansOnce() {
		CountingRequest request = new CountingRequest(new Cookie("_mspi", "returning"));
		CxpVisitor visitor = TestExchanges.process(this.path, request, new MockHttpServletResponse(), true);
		assertThat(visitor.visitorId()).isEqualTo("returning");
		assertThat(request.scans).isEqualTo(1);
	}

	@Test
	void replacedInvalidIdScansOnce() {
		CountingRequest request = new CountingRequest(new Cookie("_mspi", "not valid"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		CxpVisitor visitor = TestExchanges.process(this.path, request, response, true);
		assertThat(visitor.visitorId()).isNotNull().isNotEqualTo("not valid");
		assertThat(response.getHeaders("Set-Cookie")).singleElement().asString().startsWith("_mspi=" + visitor.visitorId());
		assertThat(request.scans).isEqualTo(1);
	}

	@Test
	void denialErasesEveryValidIdAfterOneScan() {
		TestExchanges.process(this.path, new CountingRequest(new Cookie("_mspi", "first")), new MockHttpServletResponse(), true);
		TestExchanges.process(this.path, new CountingRequest(new Cookie("_mspi", "second")), new MockHttpServletResponse(), true);
		assertThat(this.store.size()).isEqualTo(2);
		CountingRequest denied = new CountingRequest(new Cookie("_mspi", "first"), new Cookie("cxp_consent", "granted"),
				new Cookie("_mspi", "second"), new Cookie("cxp_consent", "denied"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		CxpVisitor visitor = TestExchanges.process(this.path, denied, response, true);
		assertThat(visitor.consent().state()).isEqualTo(ConsentState.DENIED);
		assertThat(visitor.visitorId()).isNull();
		assertThat(response.getHeaders("Set-Cookie")).singleElement().asString().startsWith("_mspi=;");
		assertThat(this.store.find("first", this.clock.instant())).isNull();
		assertThat(this.store.find("second", this.clock.instant())).isNull();
		assertThat(denied.scans).isEqualTo(1);
	}

	@Test
	void denialWithManyIdsErasesTheFirstFewInOneStoreOperationAndDeletesEveryCookieVariant() {
		List<List<String>> erasures = new ArrayList<>();
		VisitorSessionStore recording = new InMemoryVisitorSessionStore(Duration.ofMinutes(30), this.ids::sessionId,
				this.clock, 100, Long.MAX_VALUE) {

			@Override
			public void erase(List<String> visitorIds, Instant erasedAt) {
				erasures.add(List.copyOf(visitorIds));
				super.erase(visitorIds, erasedAt);
			}

		};
		SessionTracker tracker = new SessionTracker(recording, this.clock, false, (event) -> {
		}, CxpActivityListener.NONE);
		CxpCookies domainCookies = new CxpCookies(
				new CookieAttributes("_mspi", Duration.ofDays(365), "example.com", "Lax", false, false),
				new CookieAttributes("cxp_consent", Duration.ofDays(180), "example.com", "Lax", false, false));
		VisitorRequestPath path = new VisitorRequestPath(
				ConsentFixtures.defaultPolicy(),
				domainCookies, new VisitorIdentity(domainCookies, this.ids, tracker, CxpActivityListener.NONE), tracker,
				CxpActivityListener.NONE);
		List<Cookie> cookies = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			cookies.add(new Cookie("_mspi", String.format("%032x", i)));
		}
		CountingRequest denied = new CountingRequest(cookies.toArray(Cookie[]::new));
		denied.addHeader("Sec-GPC", "1");
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(TestExchanges.process(path, denied, response, true).consentEffective()).isFalse();
		assertThat(erasures).containsExactly(
				List.of(String.format("%032x", 0), String.format("%032x", 1), String.format("%032x", 2),
						String.format("%032x", 3)));
		assertThat(VisitorIdentity.MAX_ERASED_VISITOR_IDS).isEqualTo(4);
		assertThat(response.getHeaders("Set-Cookie")).hasSize(2)
			.allSatisfy((cookie) -> assertThat(cookie).startsWith("_mspi=;").contains("Max-Age=0"))
			.anySatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("Domain=example.com"));
	}

	static class CountingRequest extends MockHttpServletRequest {

		int scans;

		CountingRequest(Cookie... cookies) {
			super("GET", "/");
			setCookies(cookies);
		}

		@Override
		public Cookie[] getCookies() {
			this.scans++;
			return super.getCookies();
		}

	}

}
