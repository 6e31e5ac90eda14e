package dev.cxp.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.AbstractApplicationContext;

import dev.cxp.internal.activity.CxpActivityListener;
import dev.cxp.internal.support.ThrottledWarning;
import dev.cxp.session.PageViewEvent;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;

/**
 * Keeps consenting visitors' visit sessions: records page views in the {@link VisitorSessionStore}, with
 * a sliding idle timeout and the previous page, and publishes a {@link PageViewEvent} for each (none when
 * the application context has no listener for it). A failing
 * store never fails the request: the failure is counted, warned about at most once a minute, and the
 * page is served untracked. Nor does a failing {@link PageViewEvent} listener. What a request records as
 * its page is worked out by {@link PagePaths}. An erasure ({@link #forget(List)}) is one operation of the
 * store, stamped with this tracker's clock; a page view whose consent was decided at or before it is served
 * untracked, so that no session outlives a withdrawal.
 *
 * @since 0.1.0
 */
public class SessionTracker {

	/**
	 * The longest page recorded; longer ones are cut.
	 */
	public static final int MAX_PAGE_LENGTH = PagePaths.MAX_PAGE_LENGTH;

	private static final Log logger = LogFactory.getLog(SessionTracker.class);

	private final VisitorSessionStore store;

	private final Clock clock;

	private final PagePaths pages;

	private final ApplicationEventPublisher events;

	private final @Nullable PageViewListeners pageViewListeners;

	private final CxpActivityListener listener;

	private final ThrottledWarning storeFailure = new ThrottledWarning(logger, Duration.ofMinutes(1));

	private final ThrottledWarning listenerFailure = new ThrottledWarning(logger, Duration.ofMinutes(1));

	/**
	 * Create a tracker.
	 * @param store where sessions live
	 * @param clock the source of time
	 * @param recordQueryString whether pages keep their query string
	 * @param events where page-view events are published
	 * @param listener told of page views, new sessions and store failures
	 * @since 0.2.0
	 */
	public SessionTracker(VisitorSessionStore store, Clock clock, boolean recordQueryString,
			ApplicationEventPublisher events, CxpActivityListener listener) {
		this.store = store;
		this.clock = clock;
		this.pages = new PagePaths(recordQueryString);
		this.events = events;
		this.listener = listener;
		// Only where the event is published straight to a context's own listeners is it known who receives it
		this.pageViewListeners = (events instanceof AbstractApplicationContext context && context.getParent() == null)
				? new PageViewListeners(context) : null;
	}

	/**
	 * The current time on this tracker's clock, in milliseconds since the epoch. A request reads it once, before
	 * deciding consent, and hands it to {@link #trackPageView(String, String, String, String, long)} as the time
	 * its consent was decided: erasures are stamped with the same clock. A number rather than an
	 * {@link Instant}, so that carrying it through the request allocates nothing.
	 * @return the current time in epoch milliseconds
	 * @since 0.3.0
	 */
	public long currentTimeMillis() {
		return this.clock.millis();
	}

	/**
	 * Record a page view of a consenting visitor, in an application without a context path, and publish its
	 * event.
	 * @param visitorId the visitor id
	 * @param path the page's path as requested
	 * @param query the query string, if any
	 * @return the session after the page view, or {@code null} when the store failed
	 */
	public @Nullable VisitSession trackPageView(String visitorId, String path, @Nullable String query) {
		return trackPageView(visitorId, "", path, query);
	}

	/**
	 * Record a page view of a consenting visitor and publish its event. The page recorded is the path within
	 * the application without path parameters, with the query string only when configured, capped at
	 * {@link #MAX_PAGE_LENGTH} characters.
	 * @param visitorId the visitor id
	 * @param contextPath the application's context path as the request reports it, possibly empty
	 * @param requestUri the request URI as requested
	 * @param query the query string, if any
	 * @return the session after the page view, or {@code null} when the store failed
	 * @since 0.2.0
	 */
	public @Nullable VisitSession trackPageView(String visitorId, String contextPath, String requestUri,
			@Nullable String query) {
		return trackPageView(visitorId, contextPath, requestUri, query, this.clock.millis());
	}

	/**
	 * Record a page view of a consenting visitor whose consent was decided at the given instant, and publish its
	 * event. Nothing is recorded or published when the visitor was erased at or after that instant: the page
	 * view was in flight during a withdrawal.
	 * @param visitorId the visitor id
	 * @param contextPath the application's context path as the request reports it, possibly empty
	 * @param requestUri the request URI as requested
	 * @param query the query string, if any
	 * @param decidedAtMillis when the request's consent was decided, in epoch milliseconds, read with
	 * {@link #currentTimeMillis()} before deciding; also the page view's timestamp
	 * @return the session after the page view, or {@code null} when the store failed or the visitor was erased
	 * at or after {@code decidedAtMillis}
	 * @since 0.3.0
	 */
	public @Nullable VisitSession trackPageView(String visitorId, String contextPath, String requestUri,
			@Nullable String query, long decidedAtMillis) {
		String page = this.pages.page(contextPath, requestUri, query);
		Instant decidedAt = Instant.ofEpochMilli(decidedAtMillis);
		TrackedPageView tracked;
		try {
			tracked = this.store.recordPageView(visitorId, new PageVisit(page, decidedAt));
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return null;
		}
		if (tracked == null) {
			// Decided before the visitor's withdrawal took effect: served untracked
			return null;
		}
		VisitSession session = tracked.session();
		this.listener.pageViewed();
		if (tracked.newSession()) {
			this.listener.sessionStarted();
		}
		if (this.pageViewListeners == null || this.pageViewListeners.present()) {
			publish(new PageViewEvent(visitorId, session.id(), page, session.previousPage(), tracked.newSession(),
					decidedAt));
		}
		return session;
	}

	private void publish(PageViewEvent event) {
		try {
			// A context without a parent would wrap the event exactly so, but resolve its generic type each time
			if (this.events instanceof AbstractApplicationContext context && context.getParent() == null) {
				context.publishEvent(new PageViewApplicationEvent(context, event));
			}
			else {
				this.events.publishEvent(event);
			}
		}
		catch (RuntimeException ex) {
			// Tracking must never fail the page, not even through an application's listener.
			this.listener.pageViewListenerFailed();
			this.listenerFailure.warn("A PageViewEvent listener failed; the page was served", ex);
		}
	}

	/**
	 * The visitor's live session, without changing it.
	 * @param visitorId the visitor id
	 * @return the session, or {@code null} when there is none, it expired, or the store failed
	 */
	public @Nullable VisitSession currentSession(String visitorId) {
		try {
			return this.store.find(visitorId, this.clock.instant());
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return null;
		}
	}

	/**
	 * Erase the visitor's session, as when consent is withdrawn.
	 * @param visitorId the visitor id
	 * @return {@code true} when the store erased it (or held none), {@code false} when the store failed
	 */
	public boolean forget(String visitorId) {
		return forget(List.of(visitorId));
	}

	/**
	 * Erase the sessions of a few visitors, as when consent is withdrawn, in one operation of the store, at the
	 * instant this tracker's clock reads now: page views decided at or before it are no longer recorded.
	 * @param visitorIds the visitor ids, few
	 * @return {@code true} when the store erased them (or held none), {@code false} when the store failed
	 * @since 0.3.0
	 */
	public boolean forget(List<String> visitorIds) {
		if (visitorIds.isEmpty()) {
			return true;
		}
		try {
			this.store.erase(visitorIds, this.clock.instant());
			return true;
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return false;
		}
	}

	private void storeFailed(RuntimeException ex) {
		this.listener.sessionStoreFailed();
		this.storeFailure.warn("Visit session store failed; the request was served without tracking", ex);
	}

}
