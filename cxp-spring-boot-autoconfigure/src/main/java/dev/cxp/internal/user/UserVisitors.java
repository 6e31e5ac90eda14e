package dev.cxp.internal.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.visitor.VisitorIds;

/**
 * The visitor ids of a signed-in user's browsers, in the table {@code cxp_user_visitor} beside the consent ledger,
 * each kept only while its visit session can live. The ledger may hold only HMACs of visitor ids, which cannot
 * find a session; these raw ids let a data subject's request reach the sessions that still exist, and nothing
 * older: a row expires {@code 2 x cxp.session.timeout} after it was last written, and expired rows are deleted,
 * at most once a minute, by the next write.
 */
public class UserVisitors {

	/**
	 * The table that holds the visitor ids.
	 */
	public static final String TABLE_NAME = "cxp_user_visitor";

	/**
	 * The most visitor ids read for one user.
	 */
	public static final int MAX_VISITOR_IDS = 64;

	private static final String EXTEND = "UPDATE " + TABLE_NAME
			+ " SET expires_at = :expiresAt WHERE user_link = :userLink AND visitor_id = :visitorId";

	private static final String INSERT = "INSERT INTO " + TABLE_NAME
			+ " (user_link, visitor_id, expires_at) VALUES (:userLink, :visitorId, :expiresAt)";

	private static final String SELECT = "SELECT visitor_id FROM " + TABLE_NAME
			+ " WHERE user_link = :userLink AND expires_at > :now ORDER BY expires_at DESC";

	private static final String DELETE_USER = "DELETE FROM " + TABLE_NAME + " WHERE user_link = :userLink";

	private static final String DELETE_EXPIRED = "DELETE FROM " + TABLE_NAME + " WHERE expires_at <= :now";

	private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration keptFor;

	private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

	/**
	 * Create the table's access.
	 * @param jdbc the client of the ledger's database, with the ledger's statement timeout
	 * @param clock the source of the current time
	 * @param sessionTimeout how long a visit session lives after its last page view
	 */
	public UserVisitors(JdbcClient jdbc, Clock clock, Duration sessionTimeout) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keptFor = sessionTimeout.multipliedBy(2);
	}

	/**
	 * Create the table's access on a data source, every statement with a query timeout.
	 * @param dataSource the ledger's database
	 * @param timeout the query timeout, rounded up to whole seconds
	 * @param clock the source of the current time
	 * @param sessionTimeout how long a visit session lives after its last page view
	 * @return the table's access
	 */
	public static UserVisitors on(DataSource dataSource, Duration timeout, Clock clock, Duration sessionTimeout) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, (timeout.toMillis() + 999) / 1000)));
		return new UserVisitors(JdbcClient.create(template), clock, sessionTimeout);
	}

	/**
	 * How long a written row is kept: twice the session timeout, so that a row rewritten once every half
	 * timeout outlives the session it points to.
	 * @return the time a row is kept
	 */
	public Duration keptFor() {
		return this.keptFor;
	}

	/**
	 * Link a visitor id to a user, or extend the link, until {@link #keptFor()} from now.
	 * @param userLink the user's link
	 * @param visitorId a valid visitor id
	 */
	public void link(String userLink, String visitorId) {
		if (!ConsentRecord.isUserLink(userLink) || !VisitorIds.isValid(visitorId)) {
			return;
		}
		Instant now = this.clock.instant();
		OffsetDateTime expiresAt = utc(now.plus(this.keptFor));
		if (extend(userLink, visitorId, expiresAt) == 0) {
			try {
				this.jdbc.sql(INSERT)
					.param("userLink", userLink)
					.param("visitorId", visitorId)
					.param("expiresAt", expiresAt)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// Another request of the same user inserted it first
				extend(userLink, visitorId, expiresAt);
			}
		}
		purgeExpired(now);
	}

	/**
	 * The visitor ids linked to a user whose rows have not expired, latest first.
	 * @param userLink the user's link
	 * @return at most {@value #MAX_VISITOR_IDS} visitor ids
	 */
	public List<String> visitorIds(String userLink) {
		if (!ConsentRecord.isUserLink(userLink)) {
			return List.of();
		}
		return this.jdbc.sql(SELECT)
			.param("userLink", userLink)
			.param("now", utc(this.clock.instant()))
			.withMaxRows(MAX_VISITOR_IDS)
			.query(String.class)
			.list();
	}

	/**
	 * Delete every visitor id linked to a user.
	 * @param userLink the user's link
	 * @return how many were deleted
	 */
	public int unlink(String userLink) {
		if (!ConsentRecord.isUserLink(userLink)) {
			return 0;
		}
		return this.jdbc.sql(DELETE_USER).param("userLink", userLink).update();
	}

	private int extend(String userLink, String visitorId, OffsetDateTime expiresAt) {
		return this.jdbc.sql(EXTEND)
			.param("expiresAt", expiresAt)
			.param("userLink", userLink)
			.param("visitorId", visitorId)
			.update();
	}

	private void purgeExpired(Instant now) {
		Instant last = this.lastPurge.get();
		if (now.isBefore(last.plus(PURGE_INTERVAL)) || !this.lastPurge.compareAndSet(last, now)) {
			return;
		}
		this.jdbc.sql(DELETE_EXPIRED).param("now", utc(now)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
