package dev.cxp.internal.activity;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;
import dev.cxp.session.PageViewEvent;

/**
 * The starter's activity, counted once since start-up: the one {@link CxpActivityListener} on the request
 * path. Micrometer meters and the Actuator endpoint both read these counts; neither counts on its own.
 * Lock-free ({@link LongAdder}s), and every count exists from the start, so the request path only
 * increments. Consent decisions are counted per state, source and effectiveness in a small fixed table:
 * a source outside {@link #SOURCES} is counted as {@code other}, so a resolver's free text never grows it.
 *
 * @since 0.2.0
 */
public class CxpActivity implements CxpActivityListener {

	/**
	 * The consent sources decisions are counted by; any other source is counted as {@code other}, the last.
	 */
	public static final List<String> SOURCES = List.of(ConsentSources.HEADER, ConsentSources.COOKIE,
			ConsentSources.GPC, ConsentSources.TCF, ConsentSources.GPP, ConsentSources.NONE, ConsentSources.ERROR, "other");

	private static final String[] SOURCE_ARRAY = SOURCES.toArray(new String[0]);

	private static final int OTHER_SOURCE = SOURCE_ARRAY.length - 1;

	private final LongAdder[] decisions = adders(ConsentState.values().length * SOURCE_ARRAY.length * 2);

	private final LongAdder visitorsCreated = new LongAdder();

	private final LongAdder visitorsErased = new LongAdder();

	private final LongAdder visitorsInvalid = new LongAdder();

	private final LongAdder sessionsStarted = new LongAdder();

	private final LongAdder pageViews = new LongAdder();

	private final LongAdder storeErrors = new LongAdder();

	private final LongAdder[] consentChanges = adders(ConsentState.values().length);

	private final LongAdder erasuresFailed = new LongAdder();

	private final LongAdder consentListenerErrors = new LongAdder();

	private final LongAdder pageViewListenerErrors = new LongAdder();

	private static LongAdder[] adders(int count) {
		LongAdder[] adders = new LongAdder[count];
		for (int i = 0; i < count; i++) {
			adders[i] = new LongAdder();
		}
		return adders;
	}

	private static int index(ConsentState state, int source, boolean effective) {
		return (state.ordinal() * SOURCE_ARRAY.length + source) * 2 + (effective ? 1 : 0);
	}

	private static int sourceIndex(String source) {
		for (int i = 0; i < OTHER_SOURCE; i++) {
			if (SOURCE_ARRAY[i].equals(source)) {
				return i;
			}
		}
		return OTHER_SOURCE;
	}

	@Override
	public void consentDecided(ConsentDecision decision, boolean effective) {
		this.decisions[index(decision.state(), sourceIndex(decision.source()), effective)].increment();
	}

	@Override
	public void visitorCreated() {
		this.visitorsCreated.increment();
	}

	@Override
	public void visitorInvalid() {
		this.visitorsInvalid.increment();
	}

	@Override
	public void visitorErased() {
		this.visitorsErased.increment();
	}

	@Override
	public void pageViewed() {
		this.pageViews.increment();
	}

	@Override
	public void sessionStarted() {
		this.sessionsStarted.increment();
	}

	@Override
	public void sessionStoreFailed() {
		this.storeErrors.increment();
	}

	@Override
	public void consentChanged(ConsentState state) {
		this.consentChanges[state.ordinal()].increment();
	}

	@Override
	public void erasureFailed() {
		this.erasuresFailed.increment();
	}

	@Override
	public void consentListenerFailed() {
		this.consentListenerErrors.increment();
	}

	@Override
	public void pageViewListenerFailed() {
		this.pageViewListenerErrors.increment();
	}

	/**
	 * Consent decisions of one state, source and effectiveness.
	 * @param state the state
	 * @param source one of {@link #SOURCES}; any other counts as {@code other}
	 * @param effective whether the decision allowed tracking
	 * @return the count
	 */
	public long decisions(ConsentState state, String source, boolean effective) {
		return this.decisions[index(state, sourceIndex(source), effective)].sum();
	}

	/**
	 * Consent decisions of one state, whatever their source.
	 * @param state the state
	 * @return the count
	 */
	public long decisions(ConsentState state) {
		long sum = 0;
		for (int source = 0; source < SOURCE_ARRAY.length; source++) {
			sum += this.decisions[index(state, source, false)].sum() + this.decisions[index(state, source, true)].sum();
		}
		return sum;
	}

	/**
	 * Consent decisions that allowed tracking.
	 * @return the count
	 */
	public long effectiveDecisions() {
		long sum = 0;
		for (ConsentState state : ConsentState.values()) {
			for (int source = 0; source < SOURCE_ARRAY.length; source++) {
				sum += this.decisions[index(state, source, true)].sum();
			}
		}
		return sum;
	}

	/**
	 * Visitor ids issued.
	 * @return the count
	 */
	public long visitorsCreated() {
		return this.visitorsCreated.sum();
	}

	/**
	 * Responses that deleted the visitor id cookie.
	 * @return the count
	 */
	public long visitorsErased() {
		return this.visitorsErased.sum();
	}

	/**
	 * Incoming visitor ids rejected as invalid.
	 * @return the count
	 */
	public long visitorsInvalid() {
		return this.visitorsInvalid.sum();
	}

	/**
	 * Visit sessions started.
	 * @return the count
	 */
	public long sessionsStarted() {
		return this.sessionsStarted.sum();
	}

	/**
	 * Page views tracked.
	 * @return the count
	 */
	public long pageViews() {
		return this.pageViews.sum();
	}

	/**
	 * Session store failures.
	 * @return the count
	 */
	public long storeErrors() {
		return this.storeErrors.sum();
	}

	/**
	 * Consent choices recorded through the consent endpoint.
	 * @param state the state chosen
	 * @return the count
	 */
	public long consentChanges(ConsentState state) {
		return this.consentChanges[state.ordinal()].sum();
	}

	/**
	 * Withdrawals whose erasure of server-side data the session store failed.
	 * @return the count
	 */
	public long erasuresFailed() {
		return this.erasuresFailed.sum();
	}

	/**
	 * {@link ConsentChangedEvent} listeners that threw.
	 * @return the count
	 */
	public long consentListenerErrors() {
		return this.consentListenerErrors.sum();
	}

	/**
	 * {@code PageViewEvent} listeners that threw.
	 * @return the count
	 */
	public long pageViewListenerErrors() {
		return this.pageViewListenerErrors.sum();
	}

}
