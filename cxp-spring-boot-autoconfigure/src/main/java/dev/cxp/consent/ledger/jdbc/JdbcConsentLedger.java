package dev.cxp.consent.ledger.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import javax.sql.DataSource;

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
 *
 * @since 0.2.0
 */
public class JdbcConsentLedger implements ConsentLedger {

	/**
	 * The table that holds the records.
	 */
	public static final String TABLE_NAME = "cxp_consent_record";

	private static final String COLUMNS = "receipt_id, recorded_at, revision, purposes, method, region, visitor, "
			+ "user_agent_hash, ip_prefix";

	private static final String INSERT = "INSERT INTO " + TABLE_NAME + " (" + COLUMNS + ") VALUES (:receiptId, "
			+ ":recordedAt, :revision, :purposes, :method, :region, :visitor, :userAgentHash, :ipPrefix)";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE_NAME
			+ " WHERE receipt_id = :receiptId";

	private static final String DELETE = "DELETE FROM " + TABLE_NAME + " WHERE recorded_at < :cutoff";

	private final JdbcClient jdbc;

	/**
	 * Create a ledger on a data source.
	 * @param dataSource the database that holds the table
	 */
	public JdbcConsentLedger(DataSource dataSource) {
		this(JdbcClient.create(dataSource));
	}

	/**
	 * Create a ledger on a JDBC client.
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
			.update();
	}

	@Override
	public Optional<ConsentRecord> findByReceiptId(String receiptId) {
		if (!ConsentRecord.isReceiptId(receiptId)) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT).param("receiptId", receiptId).query(JdbcConsentLedger::read).optional();
	}

	@Override
	public long deleteOlderThan(Instant cutoff) {
		return this.jdbc.sql(DELETE).param("cutoff", utc(cutoff)).update();
	}

	private static ConsentRecord read(ResultSet rs, int row) throws SQLException {
		OffsetDateTime recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
		return new ConsentRecord(rs.getString("receipt_id"), recordedAt.toInstant(), rs.getString("revision"),
				decode(rs.getString("purposes")), ConsentMethod.fromValue(rs.getString("method")),
				rs.getString("region"), rs.getString("visitor"), rs.getString("user_agent_hash"),
				rs.getString("ip_prefix"));
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
