package dev.cxp.session;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * One page view to apply to a visitor's session: a value, equal to another page view of the same page at
 * the same time. The rules of a sliding visit session are in {@link #applyTo(VisitSession, Duration, Supplier)};
 * the policy they need (timeout, source of session ids) belongs to the store, which is given it when built.
 * An in-memory store applies the rules inside its atomic update; a networked store runs the same rules on
 * the server in one round trip.
 *
 * @param page the page viewed, already normalised (path without path parameters, optional query, capped)
 * @param timestamp when it was viewed: the instant its request's consent was decided, read once before deciding,
 * which a store compares with the visitor's latest erasure
 * @since 0.1.0
 */
public record PageVisit(String page, Instant timestamp) {

	/**
	 * Apply this page view to the visitor's current session.
	 * @param current the stored session, or {@code null} when there is none
	 * @param timeout the idle time after which a session ends
	 * @param sessionIds the source of a new session id, asked only when a session starts
	 * @return the session after the page view: the same one slid forward with this page as current and
	 * the former current page as previous, or a new one without a previous page when there was none or
	 * it had expired
	 * @since 0.2.0
	 */
	public TrackedPageView applyTo(@Nullable VisitSession current, Duration timeout, Supplier<String> sessionIds) {
		if (current == null || current.isExpiredAt(this.timestamp)) {
			VisitSession started = new VisitSession(sessionIds.get(), this.timestamp, this.timestamp,
					this.timestamp.plus(timeout), null, this.page);
			return new TrackedPageView(started, true);
		}
		// Concurrent page views may arrive out of order: time never moves back.
		Instant lastSeen = this.timestamp.isAfter(current.lastSeenAt()) ? this.timestamp : current.lastSeenAt();
		VisitSession slid = new VisitSession(current.id(), current.startedAt(), lastSeen, lastSeen.plus(timeout),
				current.currentPage(), this.page);
		return new TrackedPageView(slid, false);
	}

}
