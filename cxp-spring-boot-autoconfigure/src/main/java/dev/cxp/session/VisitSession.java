package dev.cxp.session;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A visitor's visit session: the server-side equivalent of the CXP SDK's {@code PISession.Id} and
 * {@code PISession.Previous}. A value: two sessions with the same id, times and pages are equal.
 * <p>
 * The times are held as nanoseconds since the epoch, not as {@link Instant}s, so that a stored session holds
 * no time objects and sliding it allocates none; the accessors build an {@code Instant} when asked. Times
 * therefore lie between the years 1677 and 2262; a time outside that range is refused.
 *
 * @since 0.1.0
 */
public final class VisitSession {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final String id;

	private final long startedAt;

	private final long lastSeenAt;

	private final long expiresAt;

	private final @Nullable String previousPage;

	private final String currentPage;

	/**
	 * Create a session.
	 * @param id the session id, 128 random bits in URL-safe Base64
	 * @param startedAt when the session's first page view happened
	 * @param lastSeenAt when its latest page view happened
	 * @param expiresAt when it ends unless another page view comes first: last seen plus the timeout
	 * @param previousPage the page viewed before the latest one in this session, {@code null} on the first page
	 * @param currentPage the latest page viewed in this session
	 * @throws ArithmeticException when a time lies outside the years 1677 to 2262
	 */
	public VisitSession(String id, Instant startedAt, Instant lastSeenAt, Instant expiresAt,
			@Nullable String previousPage, String currentPage) {
		this(id, epochNanos(startedAt), epochNanos(lastSeenAt), epochNanos(expiresAt), previousPage, currentPage);
	}

	VisitSession(String id, long startedAt, long lastSeenAt, long expiresAt, @Nullable String previousPage,
			String currentPage) {
		this.id = id;
		this.startedAt = startedAt;
		this.lastSeenAt = lastSeenAt;
		this.expiresAt = expiresAt;
		this.previousPage = previousPage;
		this.currentPage = currentPage;
	}

	/**
	 * The session id, 128 random bits in URL-safe Base64.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * When the session's first page view happened.
	 * @return the start
	 */
	public Instant startedAt() {
		return instant(this.startedAt);
	}

	/**
	 * When its latest page view happened.
	 * @return the time last seen
	 */
	public Instant lastSeenAt() {
		return instant(this.lastSeenAt);
	}

	/**
	 * When it ends unless another page view comes first: last seen plus the timeout.
	 * @return the expiry
	 */
	public Instant expiresAt() {
		return instant(this.expiresAt);
	}

	/**
	 * The page viewed before the latest one in this session.
	 * @return the previous page, {@code null} on the first page
	 */
	public @Nullable String previousPage() {
		return this.previousPage;
	}

	/**
	 * The latest page viewed in this session.
	 * @return the current page
	 */
	public String currentPage() {
		return this.currentPage;
	}

	/**
	 * Whether the session has ended at the given time. A session ends exactly at its expiry.
	 * @param now the time to check
	 * @return {@code true} when {@code now} is at or after {@link #expiresAt()}
	 */
	public boolean isExpiredAt(Instant now) {
		long seconds = Math.floorDiv(this.expiresAt, NANOS_PER_SECOND);
		if (now.getEpochSecond() != seconds) {
			return now.getEpochSecond() > seconds;
		}
		return now.getNano() >= Math.floorMod(this.expiresAt, NANOS_PER_SECOND);
	}

	boolean isExpiredAt(long nowEpochNanos) {
		return nowEpochNanos >= this.expiresAt;
	}

	long startedAtEpochNanos() {
		return this.startedAt;
	}

	long lastSeenAtEpochNanos() {
		return this.lastSeenAt;
	}

	static long epochNanos(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
	}

	private static Instant instant(long epochNanos) {
		return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
				Math.floorMod(epochNanos, NANOS_PER_SECOND));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof VisitSession that && this.id.equals(that.id) && this.startedAt == that.startedAt
				&& this.lastSeenAt == that.lastSeenAt && this.expiresAt == that.expiresAt
				&& Objects.equals(this.previousPage, that.previousPage) && this.currentPage.equals(that.currentPage);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id, this.startedAt, this.lastSeenAt, this.expiresAt, this.previousPage,
				this.currentPage);
	}

	@Override
	public String toString() {
		return "VisitSession[id=" + this.id + ", startedAt=" + startedAt() + ", lastSeenAt=" + lastSeenAt()
				+ ", expiresAt=" + expiresAt() + ", previousPage=" + this.previousPage + ", currentPage="
				+ this.currentPage + "]";
	}

}
