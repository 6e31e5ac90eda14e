package dev.cxp.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A visitor's visit session: the server-side equivalent of the CXP SDK's {@code PISession.Id} and
 * {@code PISession.Previous}.
 *
 * @param id the session id, 128 random bits in URL-safe Base64
 * @param startedAt when the session's first page view happened
 * @param lastSeenAt when its latest page view happened
 * @param expiresAt when it ends unless another page view comes first: last seen plus the timeout
 * @param previousPage the page viewed before the latest one in this session, {@code null} on the first page
 * @param currentPage the latest page viewed in this session
 * @since 0.1.0
 */
public record VisitSession(String id, Instant startedAt, Instant lastSeenAt, Instant expiresAt,
		@Nullable String previousPage, String currentPage) {

	/**
	 * Whether the session has ended at the given time. A session ends exactly at its expiry.
	 * @param now the time to check
	 * @return {@code true} when {@code now} is at or after {@link #expiresAt()}
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
