package dev.cxp.actuate;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.cxp.CxpActivityListener;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;

/**
 * Running totals since start-up for the {@code cxp} Actuator endpoint, kept without Micrometer so the
 * endpoint needs no meter registry. Lock-free: each total is a {@link LongAdder}.
 *
 * @author CXP
 */
public class CxpStatistics implements CxpActivityListener {

	private final Map<ConsentState, LongAdder> decisions = new EnumMap<>(ConsentState.class);

	private final LongAdder effectiveDecisions = new LongAdder();

	private final LongAdder visitorsCreated = new LongAdder();

	private final LongAdder visitorsErased = new LongAdder();

	private final LongAdder visitorsInvalid = new LongAdder();

	private final LongAdder sessionsStarted = new LongAdder();

	private final LongAdder pageViews = new LongAdder();

	private final LongAdder storeErrors = new LongAdder();

	/**
	 * Create empty totals.
	 */
	public CxpStatistics() {
		for (ConsentState state : ConsentState.values()) {
			this.decisions.put(state, new LongAdder());
		}
	}

	@Override
	public void consentDecided(ConsentDecision decision, boolean effective) {
		this.decisions.get(decision.state()).increment();
		if (effective) {
			this.effectiveDecisions.increment();
		}
	}

	@Override
	public void visitorCreated() {
		this.visitorsCreated.increment();
	}

	@Override
	public void visitorErased() {
		this.visitorsErased.increment();
	}

	@Override
	public void visitorInvalid() {
		this.visitorsInvalid.increment();
	}

	@Override
	public void sessionStarted() {
		this.sessionsStarted.increment();
	}

	@Override
	public void pageViewed() {
		this.pageViews.increment();
	}

	@Override
	public void sessionStoreFailed() {
		this.storeErrors.increment();
	}

	/**
	 * Decisions made since start-up, by state.
	 * @return the count per state
	 */
	public Map<ConsentState, Long> decisionsByState() {
		Map<ConsentState, Long> counts = new EnumMap<>(ConsentState.class);
		this.decisions.forEach((state, count) -> counts.put(state, count.sum()));
		return counts;
	}

	/**
	 * Decisions that allowed tracking since start-up.
	 * @return the count
	 */
	public long effectiveDecisions() {
		return this.effectiveDecisions.sum();
	}

	/**
	 * Visitor ids issued since start-up.
	 * @return the count
	 */
	public long visitorsCreated() {
		return this.visitorsCreated.sum();
	}

	/**
	 * Responses that deleted the visitor id cookie since start-up.
	 * @return the count
	 */
	public long visitorsErased() {
		return this.visitorsErased.sum();
	}

	/**
	 * Incoming visitor ids rejected since start-up.
	 * @return the count
	 */
	public long visitorsInvalid() {
		return this.visitorsInvalid.sum();
	}

	/**
	 * Visit sessions started since start-up.
	 * @return the count
	 */
	public long sessionsStarted() {
		return this.sessionsStarted.sum();
	}

	/**
	 * Page views tracked since start-up.
	 * @return the count
	 */
	public long pageViews() {
		return this.pageViews.sum();
	}

	/**
	 * Session store failures since start-up.
	 * @return the count
	 */
	public long storeErrors() {
		return this.storeErrors.sum();
	}

}
