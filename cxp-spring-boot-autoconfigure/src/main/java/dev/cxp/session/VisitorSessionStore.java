package dev.cxp.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

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
	 * one visitor never start two sessions. A networked store does this in one round trip.
	 * @param visitorId the visitor id
	 * @param visit the page view
	 * @return the session after the page view
	 */
	TrackedPageView recordPageView(String visitorId, PageVisit visit);

	/**
	 * The visitor's live session, without changing it.
	 * @param visitorId the visitor id
	 * @param now the current time
	 * @return the session, or {@code null} when there is none or it has expired
	 */
	@Nullable VisitSession find(String visitorId, Instant now);

	/**
	 * Remove the visitor's session, if any.
	 * @param visitorId the visitor id
	 */
	void remove(String visitorId);

	/**
	 * How many sessions the store holds now; may be an estimate and may count sessions that expired but
	 * were not yet evicted.
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
