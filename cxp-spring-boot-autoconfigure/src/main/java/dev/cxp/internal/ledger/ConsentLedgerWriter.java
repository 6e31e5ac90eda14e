package dev.cxp.internal.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentMethod;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.support.ThrottledWarning;
import dev.cxp.internal.user.UserLinker;
import dev.cxp.internal.visitor.CxpExchange;
import dev.cxp.internal.visitor.VisitorIds;

/**
 * Builds a {@link ConsentRecord} from what the consent endpoint knows and appends it to the
 * {@link ConsentLedger}, with privacy by default: the visitor id is replaced by its HMAC-SHA256 when a key
 * is configured, the user agent is kept only as a SHA-256, the client address only as its /24 (IPv4) or /48
 * (IPv6) network and only when asked, and nothing else is taken from the request. A failure of the ledger
 * never reaches the caller: it is counted and logged, at most once a minute, without request data. So is a
 * choice refused by a {@link ConsentLedgerGuard} in front of the ledger, counted apart from failures. When consent
 * follows the signed-in user, each record carries the link of the user signed in when it was made.
 *
 * @since 0.2.0
 */
public class ConsentLedgerWriter {

	/**
	 * The longest part of a {@code User-Agent} header that is hashed.
	 */
	static final int MAX_USER_AGENT_LENGTH = 1024;

	private static final Pattern REGION = Pattern.compile("[A-Za-z0-9-]{1,16}");

	private static final HexFormat HEX = HexFormat.of();

	private final ConsentLedger ledger;

	private final ConsentLedgerCounters counters;

	private final SecureIdGenerator ids;

	private final Clock clock;

	private final @Nullable SecretKeySpec visitorIdKey;

	private final boolean recordTruncatedIp;

	private final @Nullable UserLinker userLinker;

	private final ThrottledWarning warning = new ThrottledWarning(LogFactory.getLog(ConsentLedgerWriter.class),
			Duration.ofMinutes(1));

	private final ThrottledWarning throttled = new ThrottledWarning(LogFactory.getLog(ConsentLedgerWriter.class),
			Duration.ofMinutes(1));

	/**
	 * Create a writer.
	 * @param ledger where records go
	 * @param counters counts the records written and the failures
	 * @param ids the source of receipt ids
	 * @param clock the source of the records' timestamps
	 * @param visitorIdKey the key of the visitor id's HMAC; when {@code null} the id is kept as is
	 * @param recordTruncatedIp whether to keep the network of the client address
	 * @throws IllegalArgumentException when the key is blank, which would look set while keeping nothing
	 * secret
	 */
	public ConsentLedgerWriter(ConsentLedger ledger, ConsentLedgerCounters counters, SecureIdGenerator ids,
			Clock clock, @Nullable String visitorIdKey, boolean recordTruncatedIp) {
		this(ledger, counters, ids, clock, visitorIdKey, recordTruncatedIp, null);
	}

	/**
	 * Create a writer that links each choice to the user signed in when it was made.
	 * @param ledger where records go
	 * @param counters counts the records written and the failures
	 * @param ids the source of receipt ids
	 * @param clock the source of the records' timestamps
	 * @param visitorIdKey the key of the visitor id's HMAC; when {@code null} the id is kept as is
	 * @param recordTruncatedIp whether to keep the network of the client address
	 * @param userLinker the link of the user signed in on an exchange, {@code null} to link no record
	 * @throws IllegalArgumentException when the key is blank, which would look set while keeping nothing
	 * secret
	 */
	public ConsentLedgerWriter(ConsentLedger ledger, ConsentLedgerCounters counters, SecureIdGenerator ids,
			Clock clock, @Nullable String visitorIdKey, boolean recordTruncatedIp, @Nullable UserLinker userLinker) {
		this.userLinker = userLinker;
		this.ledger = ledger;
		this.counters = counters;
		this.ids = ids;
		this.clock = clock;
		if (visitorIdKey != null && visitorIdKey.isBlank()) {
			throw new IllegalArgumentException("The visitor id key must not be blank");
		}
		this.visitorIdKey = (visitorIdKey != null)
				? new SecretKeySpec(visitorIdKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256") : null;
		this.recordTruncatedIp = recordTruncatedIp;
	}

	/**
	 * Record a choice. Never throws because of the ledger: a record that cannot be built or written is
	 * counted as an error, one that a {@link ConsentLedgerGuard} refused is counted as throttled, and the
	 * choice stands without it.
	 * @param exchange the request that made the choice; only its {@code User-Agent} header and, when enabled,
	 * its remote address are read
	 * @param method how the choice was made
	 * @param revision the revision of the consent text the visitor answered
	 * @param purposes the state of each purpose after the choice
	 * @param region the visitor's region when known
	 * @param visitorId the visitor id the choice applies to, {@code null} when there is none
	 * @return the receipt id of the record written, or {@code null} when none was written
	 */
	public @Nullable String record(CxpExchange exchange, ConsentMethod method, String revision,
			Map<String, ConsentState> purposes, @Nullable String region, @Nullable String visitorId) {
		try {
			ConsentRecord record = new ConsentRecord(this.ids.receiptId(),
					this.clock.instant().truncatedTo(ChronoUnit.MICROS), revision, purposes, method,
					(region != null && REGION.matcher(region).matches()) ? region : null, pseudonym(visitorId),
					userAgentHash(exchange.header("User-Agent")),
					this.recordTruncatedIp ? IpPrefixes.networkOf(exchange.remoteAddress()) : null,
					(this.userLinker != null) ? this.userLinker.userLink(exchange) : null);
			this.ledger.append(record);
			this.counters.recordWritten();
			return record.receiptId();
		}
		catch (ConsentLedgerThrottledException ex) {
			this.counters.writeThrottled(ex.reason());
			this.throttled.warn("A consent choice stands without a record in the ledger: " + ex.getMessage(), ex);
			return null;
		}
		catch (RuntimeException ex) {
			this.counters.appendFailed();
			this.warning.warn("A consent record could not be written to the ledger; the choice stands without it",
					ex);
			return null;
		}
	}

	private @Nullable String pseudonym(@Nullable String visitorId) {
		if (!VisitorIds.isValid(visitorId)) {
			return null;
		}
		if (this.visitorIdKey == null) {
			return visitorId;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.visitorIdKey);
			return HEX.formatHex(mac.doFinal(visitorId.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static @Nullable String userAgentHash(@Nullable String userAgent) {
		if (userAgent == null) {
			return null;
		}
		String bounded = (userAgent.length() > MAX_USER_AGENT_LENGTH) ? userAgent.substring(0, MAX_USER_AGENT_LENGTH)
				: userAgent;
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HEX.formatHex(digest.digest(bounded.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
