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
	 * The current time on this tracker's clock. A request reads it once, before deciding consent, and hands it
	 * to {@link #trackPageView(String, RequestedPage, Instant)} as the time its consent was decided: erasures are
	 * stamped with the same clock.
	 * @return the current time
	 */
	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * Record a page view of a consenting visitor whose consent was decided at the given instant, and publish its
	 * event. The page recorded is the path within the application without path parameters, with the query string
	 * only when configured, capped at {@link #MAX_PAGE_LENGTH} characters. Nothing is recorded or published when
	 * the visitor was erased at or after {@code decidedAt}: the page view was in flight during a withdrawal.
	 * @param visitorId the visitor id
	 * @param requested the page as the request names it
	 * @param decidedAt when the request's consent was decided, read with {@link #now()} before deciding; also the
	 * page view's timestamp
	 * @return the session after the page view, or {@code null} when the store failed or the visitor was erased
	 * at or after {@code decidedAt}
	 */
	public @Nullable VisitSession trackPageView(String visitorId, RequestedPage requested, Instant decidedAt) {
		String page = page(requested);
		TrackedPageView tracked;
		try {
			tracked = this.store.recordPageView(visitorId, new PageVisit(page, decidedAt));
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return null;
		}
		return recorded(visitorId, page, decidedAt, tracked);
	}

	/**
	 * What a request records as its page: the path within the application without path parameters, with the
	 * query string only when configured, capped at {@link #MAX_PAGE_LENGTH} characters.
	 * @param requested the page as the request names it
	 * @return the page to record
	 */
	public String page(RequestedPage requested) {
		return this.pages.page(requested);
	}

	/**
	 * Count a page view the store recorded and publish its event: the part of
	 * {@link #trackPageView(String, RequestedPage, Instant)} after the store, for a web stack that reaches the
	 * store its own way.
	 * @param visitorId the visitor id
	 * @param page the page recorded, from {@link #page(RequestedPage)}
	 * @param decidedAt when the request's consent was decided
	 * @param tracked what the store answered; {@code null} when the visitor was erased at or after
	 * {@code decidedAt}
	 * @return the session after the page view, or {@code null} when it was not recorded
	 */
	public @Nullable VisitSession recorded(String visitorId, String page, Instant decidedAt,
			@Nullable TrackedPageView tracked) {
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
	 * Erase the sessions of a few visitors, as when consent is withdrawn, in one operation of the store, at the
	 * instant this tracker's clock reads now: page views decided at or before it are no longer recorded.
	 * @param visitorIds the visitor ids, few
	 * @return {@code true} when the store erased them (or held none), {@code false} when the store failed
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

	/**
	 * Count a failure of the store and warn about it, at most once a minute: the request is served without
	 * tracking.
	 * @param ex the failure
	 */
	public void storeFailed(Throwable ex) {
		this.listener.sessionStoreFailed();
		this.storeFailure.warn("Visit session store failed; the request was served without tracking", ex);
	}

}
