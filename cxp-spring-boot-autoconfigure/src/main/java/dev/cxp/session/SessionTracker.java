package dev.cxp.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.AbstractApplicationContext;

import dev.cxp.activity.CxpActivityListener;
import dev.cxp.support.ThrottledWarning;

/**
 * Keeps consenting visitors' visit sessions: records page views in the {@link VisitorSessionStore}, with
 * a sliding idle timeout and the previous page, and publishes a {@link PageViewEvent} for each. A failing
 * store never fails the request: the failure is counted, warned about at most once a minute, and the
 * page is served untracked. Nor does a failing {@link PageViewEvent} listener.
 *
 * @since 0.1.0
 */
public class SessionTracker {

	/**
	 * The longest page recorded; longer ones are cut.
	 */
	public static final int MAX_PAGE_LENGTH = 2048;

	private static final Log logger = LogFactory.getLog(SessionTracker.class);

	/**
	 * How many distinct pages are shared between sessions; a site has few, each held by many sessions.
	 */
	private static final int MAX_CANONICAL_PAGES = 4096;

	/**
	 * The longest page shared between sessions, so the shared pages stay small.
	 */
	private static final int MAX_CANONICAL_PAGE_LENGTH = 256;

	private final VisitorSessionStore store;

	private final Clock clock;

	private final Duration timeout;

	private final boolean recordQueryString;

	private final Supplier<String> sessionIds;

	private final ApplicationEventPublisher events;

	private final CxpActivityListener listener;

	private final ConcurrentMap<String, String> canonicalPages = new ConcurrentHashMap<>();

	private final ThrottledWarning storeFailure = new ThrottledWarning(logger, Duration.ofMinutes(1));

	private final ThrottledWarning listenerFailure = new ThrottledWarning(logger, Duration.ofMinutes(1));

	/**
	 * Create a tracker.
	 * @param store where sessions live
	 * @param clock the source of time
	 * @param timeout the idle time after which a session ends
	 * @param recordQueryString whether pages keep their query string
	 * @param sessionIds the source of new session ids
	 * @param events where page-view events are published
	 * @param listener told of page views, new sessions and store failures
	 */
	public SessionTracker(VisitorSessionStore store, Clock clock, Duration timeout, boolean recordQueryString,
			Supplier<String> sessionIds, ApplicationEventPublisher events, CxpActivityListener listener) {
		this.store = store;
		this.clock = clock;
		this.timeout = timeout;
		this.recordQueryString = recordQueryString;
		this.sessionIds = sessionIds;
		this.events = events;
		this.listener = listener;
	}

	/**
	 * Record a page view of a consenting visitor and publish its event.
	 * @param visitorId the visitor id
	 * @param path the page's path as requested
	 * @param query the query string, if any
	 * @return the session after the page view, or {@code null} when the store failed
	 */
	public @Nullable VisitSession trackPageView(String visitorId, String path, @Nullable String query) {
		String page = page(path, query);
		Instant now = this.clock.instant();
		TrackedPageView tracked;
		try {
			tracked = this.store.recordPageView(visitorId, new PageVisit(page, now, this.timeout, this.sessionIds));
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return null;
		}
		VisitSession session = tracked.session();
		this.listener.pageViewed();
		if (tracked.newSession()) {
			this.listener.sessionStarted();
		}
		publish(new PageViewEvent(visitorId, session.id(), page, session.previousPage(), tracked.newSession(), now));
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
	 * Remove the visitor's session, as when consent is withdrawn.
	 * @param visitorId the visitor id
	 * @return {@code true} when the store removed it (or held none), {@code false} when the store failed
	 */
	public boolean forget(String visitorId) {
		try {
			this.store.remove(visitorId);
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

	private String page(String path, @Nullable String query) {
		String page = (this.recordQueryString && query != null && !query.isEmpty()) ? path + '?' + query : path;
		return canonical((page.length() > MAX_PAGE_LENGTH) ? page.substring(0, MAX_PAGE_LENGTH) : page);
	}

	/**
	 * The one instance of an often viewed page: each request brings its own copy of the path, and an
	 * in-memory store would otherwise keep one per session for the current and the previous page.
	 */
	private String canonical(String page) {
		String canonical = this.canonicalPages.get(page);
		if (canonical != null) {
			return canonical;
		}
		if (page.length() > MAX_CANONICAL_PAGE_LENGTH || this.canonicalPages.size() >= MAX_CANONICAL_PAGES) {
			return page;
		}
		canonical = this.canonicalPages.putIfAbsent(page, page);
		return (canonical != null) ? canonical : page;
	}

}
