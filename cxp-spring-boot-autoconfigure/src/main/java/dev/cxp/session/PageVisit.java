package dev.cxp.session;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * One page view to apply to a visitor's session: the rules of a sliding visit session in one place.
 * An in-memory store calls {@link #applyTo(VisitSession)} inside its atomic update; a networked store
 * runs the same rules on the server in one round trip.
 *
 * @param page the page viewed, already normalised (path, optional query, capped)
 * @param timestamp when it was viewed
 * @param timeout the idle time after which a session ends
 * @param sessionIds the source of a new session id, asked only when a session starts
 * @since 0.1.0
 */
public record PageVisit(String page, Instant timestamp, Duration timeout, Supplier<String> sessionIds) {

	/**
	 * Apply this page view to the visitor's current session.
	 * @param current the stored session, or {@code null} when there is none
	 * @return the session after the page view: the same one slid forward with this page as current and
	 * the former current page as previous, or a new one without a previous page when there was none or
	 * it had expired
	 */
	public TrackedPageView applyTo(@Nullable VisitSession current) {
		if (current == null || current.isExpiredAt(this.timestamp)) {
			VisitSession started = new VisitSession(this.sessionIds.get(), this.timestamp, this.timestamp,
					this.timestamp.plus(this.timeout), null, this.page);
			return new TrackedPageView(started, true);
		}
		// Concurrent page views may arrive out of order: time never moves back.
		Instant lastSeen = this.timestamp.isAfter(current.lastSeenAt()) ? this.timestamp : current.lastSeenAt();
		VisitSession slid = new VisitSession(current.id(), current.startedAt(), lastSeen, lastSeen.plus(this.timeout),
				current.currentPage(), this.page);
		return new TrackedPageView(slid, false);
	}

}
