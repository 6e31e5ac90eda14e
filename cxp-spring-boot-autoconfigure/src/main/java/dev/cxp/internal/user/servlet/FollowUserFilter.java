package dev.cxp.internal.user.servlet;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.ledger.ConsentLedgerGuard;
import dev.cxp.internal.support.ThrottledWarning;
import dev.cxp.internal.user.ConsentRestorer;
import dev.cxp.internal.user.UserVisitors;
import dev.cxp.internal.visitor.CxpCookies;
import dev.cxp.internal.web.ConsentRecorder.Recorded;
import dev.cxp.internal.web.servlet.ServletConsentRequest;
import dev.cxp.internal.web.servlet.ServletExchange;

/**
 * Makes consent follow the signed-in user on Spring MVC. Runs after Spring Security's filters, on {@code GET} and
 * {@code HEAD} requests of a signed-in user that has an HTTP session. The session holds a {@link SignInMark}; a
 * request whose session has no mark, or one for another user, is the first after a sign-in (Spring Security
 * invalidates or renews the session at sign-in and sign-out), and only then is the ledger read, once, to restore
 * the user's latest choice ({@link ConsentRestorer}). Every other request costs a session attribute read and a
 * comparison of the principal's name.
 * <p>
 * The filter also links the browser's visitor id to the user while tracking is effective, so that a data subject's
 * request reaches its session ({@link UserVisitors}): at sign-in, when the browser's id changes, and again every
 * half session timeout while the user keeps browsing. A failing database never fails the request.
 */
public class FollowUserFilter extends OncePerRequestFilter {

	private final SignedInUsers users;

	private final ConsentRestorer restorer;

	private final UserVisitors visitors;

	private final ConsentLedgerGuard guard;

	private final ConsentPolicy policy;

	private final CxpCookies cookies;

	private final Clock clock;

	private final Duration refreshAfter;

	private final ThrottledWarning warning = new ThrottledWarning(LogFactory.getLog(FollowUserFilter.class),
			Duration.ofMinutes(1));

	/**
	 * Create the filter.
	 * @param users who is signed in
	 * @param restorer restores the user's latest choice
	 * @param visitors the visitor ids linked to users
	 * @param guard bounds the calls of the database
	 * @param policy decides whether tracking is effective
	 * @param cookies the starter's cookies
	 * @param clock the source of the current time
	 */
	public FollowUserFilter(SignedInUsers users, ConsentRestorer restorer, UserVisitors visitors,
			ConsentLedgerGuard guard, ConsentPolicy policy, CxpCookies cookies, Clock clock) {
		this.users = users;
		this.restorer = restorer;
		this.visitors = visitors;
		this.guard = guard;
		this.policy = policy;
		this.cookies = cookies;
		this.clock = clock;
		this.refreshAfter = visitors.keptFor().dividedBy(4);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(follow(request, response), response);
	}

	private HttpServletRequest follow(HttpServletRequest request, HttpServletResponse response) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return request;
		}
		HttpSession session = request.getSession(false);
		if (session == null) {
			return request;
		}
		String userName = this.users.name();
		if (userName == null) {
			return request;
		}
		SignInMark mark = (session.getAttribute(SignInMark.ATTRIBUTE) instanceof SignInMark found) ? found : null;
		boolean signIn = SignInMark.isSignIn(mark, userName);
		// The link is an HMAC: made once per sign-in, then read from the mark
		String userLink = signIn ? this.users.linkOf(userName) : mark.userLink();
		String carried = this.cookies.visitorIds(ServletConsentRequest.of(request)).visitorId();
		Instant now = this.clock.instant();
		if (!signIn && !mark.isDue(carried, now, this.refreshAfter)) {
			return request;
		}
		// Marked before the ledger is read, so that the page's other requests do not read it too
		session.setAttribute(SignInMark.ATTRIBUTE, new SignInMark(userName, userLink, carried, now.toEpochMilli()));
		HttpServletRequest next = request;
		String tracked;
		Recorded restored = signIn ? this.restorer.restore(new ServletExchange(request, response), userLink) : null;
		if (restored != null) {
			next = new RestoredRequest(request, this.cookies.consentCookie().name(), restored.cookieValue(),
					this.cookies.visitorCookie().name(), restored.visitorId());
			tracked = restored.visitorId();
		}
		else {
			tracked = this.policy.decide(ServletConsentRequest.of(request)).effective() ? carried : null;
		}
		if (tracked != null) {
			link(userLink, tracked);
			session.setAttribute(SignInMark.ATTRIBUTE, new SignInMark(userName, userLink, tracked, now.toEpochMilli()));
		}
		return next;
	}

	private void link(String userLink, String visitorId) {
		try {
			this.guard.call(() -> {
				this.visitors.link(userLink, visitorId);
				return null;
			});
		}
		catch (RuntimeException ex) {
			this.warning.warn("A visitor id could not be linked to its signed-in user; a data subject's request "
					+ "will not reach its session", ex);
		}
	}

}
