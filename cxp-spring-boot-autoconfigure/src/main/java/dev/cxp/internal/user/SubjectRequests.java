package dev.cxp.internal.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.consent.ledger.ConsentRecord;
import dev.cxp.internal.ledger.ConsentLedgerGuard;
import dev.cxp.internal.session.SessionTracker;
import dev.cxp.session.VisitSession;

/**
 * Answers a data subject's requests about a signed-in user (SPEC S15.3): access returns the user's consent records
 * and the visit sessions of the visitor ids linked to them; erasure erases those sessions, forgets the visitor ids
 * and unlinks the records, which stay as pseudonymous proof until the retention purge. Each request is counted and
 * logged with its outcome in figures only: never the user's name, link or visitor ids.
 */
public class SubjectRequests {

	/**
	 * The most records an access request returns, latest first.
	 */
	public static final int MAX_RECORDS = 1000;

	private static final Log logger = LogFactory.getLog(SubjectRequests.class);

	private final UserLinks links;

	private final ConsentLedger ledger;

	private final UserVisitors visitors;

	private final ConsentLedgerGuard guard;

	private final SessionTracker sessions;

	private final AtomicLong accessRequests = new AtomicLong();

	private final AtomicLong erasureRequests = new AtomicLong();

	/**
	 * Create the requests' handling.
	 * @param links makes a user's link from their name
	 * @param ledger the consent ledger, which must keep user links
	 * @param visitors the visitor ids linked to users
	 * @param guard bounds the calls of the visitor id table
	 * @param sessions reads the visit sessions, and erases them as a withdrawal does
	 */
	public SubjectRequests(UserLinks links, ConsentLedger ledger, UserVisitors visitors, ConsentLedgerGuard guard,
			SessionTracker sessions) {
		this.links = links;
		this.ledger = ledger;
		this.visitors = visitors;
		this.guard = guard;
		this.sessions = sessions;
	}

	/**
	 * What the starter holds about a user.
	 * @param user the principal's name
	 * @return the user's records and sessions
	 */
	public SubjectReport access(String user) {
		String link = this.links.of(user);
		List<ConsentRecord> records = this.ledger.findByUserLink(link, MAX_RECORDS);
		List<String> visitorIds = visitorIds(link);
		List<SubjectSession> sessions = new ArrayList<>();
		for (String visitorId : visitorIds) {
			VisitSession session = this.sessions.currentSession(visitorId);
			if (session != null) {
				sessions.add(new SubjectSession(visitorId, session));
			}
		}
		this.accessRequests.incrementAndGet();
		logger.info("Answered a data subject's access request: " + records.size() + " consent records, "
				+ sessions.size() + " visit sessions");
		return new SubjectReport(records.stream().map(SubjectRecord::of).toList(), sessions);
	}

	/**
	 * Erase the user's visit sessions and unlink them from their records.
	 * @param user the principal's name
	 * @return what was erased
	 * @throws IllegalStateException when the session store could not erase the sessions; the visitor ids stay
	 * linked, so that the request can be repeated
	 */
	public SubjectErasure erase(String user) {
		String link = this.links.of(user);
		List<String> visitorIds = visitorIds(link);
		boolean sessionsErased = visitorIds.isEmpty() || this.sessions.forget(visitorIds);
		long unlinked = this.ledger.unlinkUser(link);
		if (sessionsErased) {
			// Kept otherwise: the repeated request finds the sessions through them
			this.guard.call(() -> this.visitors.unlink(link));
		}
		this.erasureRequests.incrementAndGet();
		logger.info("Answered a data subject's erasure request: sessions of " + visitorIds.size()
				+ " visitor ids erased" + (sessionsErased ? "" : " (the session store failed)") + ", " + unlinked
				+ " consent records unlinked");
		if (!sessionsErased) {
			throw new IllegalStateException("The session store could not erase the sessions; retry the request");
		}
		return new SubjectErasure(visitorIds.size(), unlinked);
	}

	private List<String> visitorIds(String link) {
		return this.guard.call(() -> this.visitors.visitorIds(link));
	}

	/**
	 * How many access requests were answered since start-up.
	 * @return the count
	 */
	public long accessRequests() {
		return this.accessRequests.get();
	}

	/**
	 * How many erasure requests were answered since start-up.
	 * @return the count
	 */
	public long erasureRequests() {
		return this.erasureRequests.get();
	}

	/**
	 * What the starter holds about a user.
	 *
	 * @param records the consent records linked to the user, latest first
	 * @param sessions the visit sessions of the visitor ids linked to the user
	 */
	public record SubjectReport(List<SubjectRecord> records, List<SubjectSession> sessions) {

	}

	/**
	 * One consent record of the user.
	 *
	 * @param receiptId the record's id
	 * @param timestamp when the choice was recorded
	 * @param revision the revision of the consent text answered
	 * @param purposes the state of each purpose
	 * @param method how the choice was made
	 * @param region the region, when known
	 * @param visitor the visitor id or its HMAC
	 */
	public record SubjectRecord(String receiptId, Instant timestamp, String revision,
			Map<String, ConsentState> purposes, String method, @Nullable String region, @Nullable String visitor) {

		static SubjectRecord of(ConsentRecord record) {
			return new SubjectRecord(record.receiptId(), record.timestamp(), record.revision(), record.purposes(),
					record.method().value(), record.region(), record.visitor());
		}

	}

	/**
	 * One visit session of a visitor id linked to the user.
	 *
	 * @param visitorId the visitor id
	 * @param session its session
	 */
	public record SubjectSession(String visitorId, VisitSession session) {

	}

	/**
	 * What an erasure did.
	 *
	 * @param visitorIds how many visitor ids' sessions were erased
	 * @param unlinkedRecords how many records were unlinked from the user
	 */
	public record SubjectErasure(int visitorIds, long unlinkedRecords) {

	}

}
