package dev.cxp.internal.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;

/**
 * A {@link ConsentLedger} in the table {@code cxp_consent_record} of a relational database, through
 * Spring's {@link JdbcClient}. The starter only inserts rows and, when purging, deletes old ones; it never
 * updates a row. Purposes are kept in one text column as {@code name=STATE} pairs in name order, separated
 * by commas, such as {@code ads=DENIED,analytics=GRANTED}, which every database stores and every SQL client
 * reads. Timestamps are kept as {@code TIMESTAMP WITH TIME ZONE}, in UTC.
 * <p>
 * Every statement runs with a query timeout ({@link java.sql.Statement#setQueryTimeout(int)}, in whole
 * seconds), so that a locked table or a slow database ends a statement rather than holding a thread. The
 * purge therefore deletes in slices of {@link #PURGE_SLICE} of {@code recorded_at}, oldest first, each its own
 * statement: with the write rate bounded, a slice holds few enough records to be deleted within the
 * timeout, however many the purge deletes in all. The SQL is plain enough for any database.
 * <p>
 * Records may be linked to a signed-in user ({@code user_link}, an HMAC of the principal's name); a user's latest
 * record is one read through the index on {@code (user_link, recorded_at)}. Unlinking a user on a data subject's
 * request sets their records' link to {@code NULL}: the only update the starter makes to a row.
 *
 * @since 0.2.0
 */
public class JdbcConsentLedger implements ConsentLedger {

	/**
	 * The table that holds the records.
	 */
	public static final String TABLE_NAME = "cxp_consent_record";

	/**
	 * How long a query may run unless told otherwise.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * The span of {@code recorded_at} that one statement of the purge deletes at most.
	 */
	public static final Duration PURGE_SLICE = Duration.ofMinutes(5);

	private static final String COLUMNS = "receipt_id, recorded_at, revision, purposes, method, region, visitor, "
			+ "user_agent_hash, ip_prefix, user_link";

	private static final String INSERT = "INSERT INTO " + TABLE_NAME + " (" + COLUMNS + ") VALUES (:receiptId, "
			+ ":recordedAt, :revision, :purposes, :method, :region, :visitor, :userAgentHash, :ipPrefix, :userLink)";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE_NAME
			+ " WHERE receipt_id = :receiptId";

	private static final String LATEST_OF_USER = "SELECT " + COLUMNS + " FROM " + TABLE_NAME
			+ " WHERE user_link = :userLink ORDER BY recorded_at DESC, receipt_id DESC FETCH FIRST :limit ROWS ONLY";

	private static final String UNLINK = "UPDATE " + TABLE_NAME + " SET user_link = NULL WHERE user_link = :userLink";

	private static final String OLDEST = "SELECT MIN(recorded_at) FROM " + TABLE_NAME
			+ " WHERE recorded_at < :cutoff";

	private static final String DELETE = "DELETE FROM " + TABLE_NAME + " WHERE recorded_at < :cutoff";

	private final JdbcClient jdbc;

	/**
	 * Create a ledger on a data source, with the {@link #DEFAULT_TIMEOUT default timeout} on every statement.
	 * @param dataSource the database that holds the table
	 */
	public JdbcConsentLedger(DataSource dataSource) {
		this(dataSource, DEFAULT_TIMEOUT);
	}

	/**
	 * Create a ledger on a data source.
	 * @param dataSource the database that holds the table
	 * @param timeout the query timeout of every statement, rounded up to whole seconds (JDBC's unit)
	 * @since 0.3.0
	 */
	public JdbcConsentLedger(DataSource dataSource, Duration timeout) {
		this(JdbcClient.create(jdbcTemplate(dataSource, timeout)));
	}

	/**
	 * Create a ledger on a JDBC client, whose own settings (such as its query timeout) apply.
	 * @param jdbc the client of the database that holds the table
	 */
	public JdbcConsentLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void append(ConsentRecord record) {
		this.jdbc.sql(INSERT)
			.param("receiptId", record.receiptId())
			.param("recordedAt", utc(record.timestamp()))
			.param("revision", record.revision())
			.param("purposes", encode(record.purposes()))
			.param("method", record.method().value())
			.param("region", record.region())
			.param("visitor", record.visitor())
			.param("userAgentHash", record.userAgentHash())
			.param("ipPrefix", record.ipPrefix())
			.param("userLink", record.userLink())
			.update();
	}

	@Override
	public boolean supportsUserLinks() {
		return true;
	}

	@Override
	public Optional<ConsentRecord> findLatestByUserLink(String userLink) {
		return findByUserLink(userLink, 1).stream().findFirst();
	}

	/**
	 * The records linked to a user, latest first, read through the index on {@code (user_link, recorded_at)}.
	 * @param userLink the user's key
	 * @param limit the most records returned
	 * @return the records
	 */
	@Override
	public List<ConsentRecord> findByUserLink(String userLink, int limit) {
		if (!ConsentRecord.isUserLink(userLink) || limit < 1) {
			return List.of();
		}
		return this.jdbc.sql(LATEST_OF_USER)
			.param("userLink", userLink)
			.param("limit", limit)
			.query(JdbcConsentLedger::read)
			.list();
	}

	@Override
	public long unlinkUser(String userLink) {
		if (!ConsentRecord.isUserLink(userLink)) {
			return 0;
		}
		return this.jdbc.sql(UNLINK).param("userLink", userLink).update();
	}

	@Override
	public Optional<ConsentRecord> findByReceiptId(String receiptId) {
		if (!ConsentRecord.isReceiptId(receiptId)) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT).param("receiptId", receiptId).query(JdbcConsentLedger::read).optional();
	}

	/**
	 * Delete every record whose timestamp is strictly before the given instant, one slice of
	 * {@link #PURGE_SLICE} at a time from the oldest record on; stops between two slices when the thread is
	 * interrupted.
	 * @param cutoff the oldest timestamp to keep
	 * @return how many records were deleted
	 */
	@Override
	public long deleteOlderThan(Instant cutoff) {
		OffsetDateTime end = utc(cutoff);
		long deleted = 0;
		OffsetDateTime oldest = oldestBefore(end);
		while (oldest != null && !Thread.currentThread().isInterrupted()) {
			OffsetDateTime sliceEnd = oldest.plus(PURGE_SLICE);
			deleted += this.jdbc.sql(DELETE).param("cutoff", sliceEnd.isBefore(end) ? sliceEnd : end).update();
			oldest = oldestBefore(end);
		}
		return deleted;
	}

	private @Nullable OffsetDateTime oldestBefore(OffsetDateTime cutoff) {
		// MIN over no rows is one row holding NULL.
		return this.jdbc.sql(OLDEST)
			.param("cutoff", cutoff)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static JdbcTemplate jdbcTemplate(DataSource dataSource, Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The consent ledger's timeout must be positive");
		}
		JdbcTemplate template = new JdbcTemplate(dataSource);
		long millis = timeout.toMillis();
		template.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, (millis + 999) / 1000)));
		return template;
	}

	private static ConsentRecord read(ResultSet rs, int row) throws SQLException {
		OffsetDateTime recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
		return new ConsentRecord(rs.getString("receipt_id"), recordedAt.toInstant(), rs.getString("revision"),
				decode(rs.getString("purposes")), ConsentMethod.fromValue(rs.getString("method")),
				rs.getString("region"), rs.getString("visitor"), rs.getString("user_agent_hash"),
				rs.getString("ip_prefix"), rs.getString("user_link"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static String encode(Map<String, ConsentState> purposes) {
		StringJoiner joiner = new StringJoiner(",");
		purposes.forEach((name, state) -> joiner.add(name + "=" + state.name()));
		return joiner.toString();
	}

	static Map<String, ConsentState> decode(String purposes) {
		Map<String, ConsentState> decoded = new LinkedHashMap<>();
		if (purposes.isEmpty()) {
			return decoded;
		}
		for (String pair : purposes.split(",", -1)) {
			int equals = pair.indexOf('=');
			if (equals < 0) {
				throw new IllegalStateException("Malformed purposes in the consent ledger");
			}
			decoded.put(pair.substring(0, equals), ConsentState.valueOf(pair.substring(equals + 1)));
		}
		return decoded;
	}

}
