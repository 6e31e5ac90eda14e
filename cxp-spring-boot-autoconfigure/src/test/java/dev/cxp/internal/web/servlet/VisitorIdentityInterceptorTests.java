package dev.cxp.internal.web.servlet;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.visitor.CookieAttributes;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.visitor.VisitorIdentity;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.support.MutableClock;
import dev.cxp.visitor.CxpVisitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VisitorIdentityInterceptor}: a request is processed once. When the interceptor runs again for
 * it (a forward or an error dispatch of the same request, or an interceptor chain that reaches it twice), the
 * visitor found the first time stands: no second visitor id cookie, no second consent decision, no second page
 * view.
 */
class VisitorIdentityInterceptorTests {

	private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

	private final CxpActivity activity = new CxpActivity();

	private final InMemoryVisitorSessionStore store = new InMemoryVisitorSessionStore(Duration.ofMinutes(30),
			() -> "session", this.clock, 100, Long.MAX_VALUE);

	private final VisitorIdentityInterceptor interceptor = interceptor();

	private final HandlerMethod controllerMethod = handlerMethod();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private VisitorIdentityInterceptor interceptor() {
		CxpCookies cookies = new CxpCookies(new CookieAttributes("_mspi", Duration.ofDays(365), null, "Lax", false, false),
				new CookieAttributes("cxp_consent", Duration.ofDays(180), null, "Lax", false, false));
		SessionTracker tracker = new SessionTracker(this.store, this.clock, false, (event) -> {
		}, this.activity);
		VisitorRequestPath path = new VisitorRequestPath(ConsentFixtures.defaultPolicy(), cookies,
				new VisitorIdentity(cookies, new SecureIdGenerator(), tracker, this.activity), tracker, this.activity);
		return new VisitorIdentityInterceptor(new RequestClassifier(List.of("/cxp/**"), List.of()), path, null);
	}

	private static HandlerMethod handlerMethod() {
		try {
			return new HandlerMethod(new Object(), Object.class.getMethod("toString"));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aNewVisitorIsProcessedOnce() {
		MockHttpServletRequest request = navigation();
		assertThat(this.interceptor.preHandle(request, this.response, this.controllerMethod)).isTrue();
		CxpVisitor visitor = (CxpVisitor) request.getAttribute(CxpVisitor.ATTRIBUTE);
		assertThat(visitor.visitorId()).isNotNull();
		assertThat(visitor.session()).isNotNull();

		// The same request reaches the interceptor again, still as a request dispatch
		assertThat(this.interceptor.preHandle(request, this.response, this.controllerMethod)).isTrue();

		assertThat(request.getAttribute(CxpVisitor.ATTRIBUTE)).isSameAs(visitor);
		assertThat(this.response.getHeaders("Set-Cookie")).singleElement()
			.asString()
			.startsWith("_mspi=" + visitor.visitorId() + ";");
		assertThat(this.activity.decisions(ConsentState.UNSPECIFIED)).isOne();
		assertThat(this.activity.visitorsCreated()).isOne();
		assertThat(this.activity.pageViews()).isOne();
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "FORWARD", "ERROR", "INCLUDE", "ASYNC" })
	void anotherDispatchOfAProcessedRequestAddsNothing(DispatcherType dispatch) {
		MockHttpServletRequest request = navigation();
		this.interceptor.preHandle(request, this.response, this.controllerMethod);
		CxpVisitor visitor = (CxpVisitor) request.getAttribute(CxpVisitor.ATTRIBUTE);
		request.setDispatcherType(dispatch);
		this.interceptor.preHandle(request, this.response, this.controllerMethod);
		assertThat(request.getAttribute(CxpVisitor.ATTRIBUTE)).isSameAs(visitor);
		assertThat(this.response.getHeaders("Set-Cookie")).hasSize(1);
		assertThat(this.activity.pageViews()).isOne();
	}

	@Test
	void aWithdrawnVisitorIsErasedOnce() {
		MockHttpServletRequest request = navigation();
		request.setCookies(new Cookie("_mspi", "withdrawing-visitor"), new Cookie("cxp_consent", "denied"));
		this.interceptor.preHandle(request, this.response, this.controllerMethod);
		this.interceptor.preHandle(request, this.response, this.controllerMethod);
		assertThat(this.response.getHeaders("Set-Cookie")).singleElement().asString().startsWith("_mspi=;");
		assertThat(this.activity.visitorsErased()).isOne();
		assertThat(this.activity.decisions(ConsentState.DENIED)).isOne();
	}

	@Test
	void anIgnoredRequestGetsNoVisitor() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cxp/consent");
		assertThat(this.interceptor.preHandle(request, this.response, this.controllerMethod)).isTrue();
		assertThat(request.getAttribute(CxpVisitor.ATTRIBUTE)).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(this.activity.decisions(ConsentState.UNSPECIFIED)).isZero();
	}

	@Test
	void aRequestThatIsNoPageViewGetsAVisitorWithoutASession() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/visitor");
		request.addHeader("Accept", "application/json");
		this.interceptor.preHandle(request, this.response, this.controllerMethod);
		CxpVisitor visitor = (CxpVisitor) request.getAttribute(CxpVisitor.ATTRIBUTE);
		assertThat(visitor.visitorId()).isNotNull();
		assertThat(visitor.session()).isNull();
		assertThat(this.activity.pageViews()).isZero();
		assertThat(this.store.size()).isZero();
	}

	private static MockHttpServletRequest navigation() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/about");
		request.addHeader("Sec-Fetch-Dest", "document");
		return request;
	}

}
