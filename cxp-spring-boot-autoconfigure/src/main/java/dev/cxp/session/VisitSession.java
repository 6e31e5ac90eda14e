package dev.cxp.session;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A visitor's visit session: the server-side equivalent of the CXP SDK's {@code PISession.Id} and
 * {@code PISession.Previous}.
 *
 * @param id the session id
 * @param startedAt when the session started
 * @param lastSeenAt the latest page view of the session
 * @param expiresAt when the session ends unless another page view slides it: {@code lastSeenAt} plus the
 * session timeout
 * @param previousPage the page viewed before the current one in this session, {@code null} on its first page
 * @param currentPage the latest page viewed
 * @since 0.1.0
 */
public record VisitSession(String id, Instant startedAt, Instant lastSeenAt, Instant expiresAt,
		@Nullable String previousPage, String currentPage) {

	/**
	 * Create a session.
	 * @param id the session id
	 * @param startedAt when the session started
	 * @param lastSeenAt the latest page view of the session
	 * @param expiresAt when the session ends
	 * @param previousPage the page viewed before the current one, or {@code null}
	 * @param currentPage the latest page viewed
	 */
	public VisitSession {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(startedAt, "startedAt must not be null");
		Objects.requireNonNull(lastSeenAt, "lastSeenAt must not be null");
		Objects.requireNonNull(expiresAt, "expiresAt must not be null");
		Objects.requireNonNull(currentPage, "currentPage must not be null");
	}

	/**
	 * Whether the session has ended at a given instant.
	 * @param now the instant
	 * @return {@code true} from its expiry on
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
