package dev.cxp.session;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cxp.internal.session.SessionTracker;

/**
 * Where visit sessions live, keyed by visitor id. Declare a bean of this type to replace the store the
 * starter configures. Implementations may throw on failure: the {@link SessionTracker} counts the failure
 * and serves the page without tracking.
 *
 * @since 0.1.0
 */
public interface VisitorSessionStore {

	/**
	 * Apply a page view to the visitor's session as one atomic read-modify-write: concurrent page views of
	 * one visitor never start two sessions. A networked store does this in one round trip. A store that
	 * remembers erasures (see {@link #erase(List, Instant)}) records nothing for a page view whose timestamp,
	 * the instant its consent was decided, is not after the visitor's latest erasure.
	 * @param visitorId the visitor id
	 * @param visit the page view
	 * @return the session after the page view, or {@code null} when it was not recorded because the visitor was
	 * erased at or after its timestamp
	 */
	@Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit);

	/**
	 * The visitor's live session, without changing it.
	 * @param visitorId the visitor id
	 * @param now the current time
	 * @return the session, or {@code null} when there is none or it has expired
	 */
	@Nullable VisitSession find(String visitorId, Instant now);

	/**
	 * Remove the visitor's session, if any, without remembering the removal.
	 * @param visitorId the visitor id
	 */
	void remove(String visitorId);

	/**
	 * Erase the sessions of a few visitors, as when consent is withdrawn, in one operation: a networked store
	 * makes one round trip and waits at most once for its timeout, whichever servers hold the sessions. A
	 * store that remembers erasures keeps, for the session timeout, the instant of each visitor's erasure, so
	 * that a page view in flight during the withdrawal (its consent decided at or before that instant) does not
	 * bring the session back: {@link #recordPageView(String, PageVisit)} records nothing for it, and
	 * {@link #find(String, Instant)} sees no session. Both stores of the starter remember erasures; this default
	 * removes each session in turn and remembers nothing.
	 * @param visitorIds the visitor ids, few: a request erases at most
	 * {@link dev.cxp.internal.visitor.VisitorIdentity#MAX_ERASED_VISITOR_IDS}
	 * @param erasedAt the instant of the erasure
	 * @since 0.3.0
	 */
	default void erase(List<String> visitorIds, Instant erasedAt) {
		for (String visitorId : visitorIds) {
			remove(visitorId);
		}
	}

	/**
	 * How many sessions the store holds now; may be an estimate, may be a count taken a little earlier, and may
	 * count sessions that expired but were not yet evicted and the markers of recent erasures.
	 * @return the number of stored sessions
	 */
	long size();

	/**
	 * A short name of the kind of store, for reporting, such as {@code memory} or {@code redis}.
	 * @return the store type
	 */
	default String type() {
		return getClass().getSimpleName();
	}

}
