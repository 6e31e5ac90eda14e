package dev.cxp.actuate;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.cxp.CxpActivityListener;
import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;
import dev.cxp.consent.ConsentSources;
import dev.cxp.session.PageViewEvent;
import dev.cxp.session.VisitorSessionStore;

/**
 * Counts what the starter decides and does in Micrometer meters. Every meter is registered up front with
 * every tag value it can take, so the request path only increments, and tags never carry ids, URLs or
 * free text: a consent source outside the known set is tagged {@code other}.
 *
 * @author CXP
 */
public class CxpMeters implements CxpActivityListener {

	/**
	 * The consent sources a decision may be tagged with; anything else becomes {@code other}.
	 */
	static final String[] SOURCES = { ConsentSources.HEADER, ConsentSources.COOKIE, ConsentSources.GPC,
			ConsentSources.NONE, ConsentSources.ERROR, "other" };

	private static final int OTHER_SOURCE = SOURCES.length - 1;

	private static final ConsentState[] STATES = ConsentState.values();

	private final Counter[] decisions = new Counter[STATES.length * SOURCES.length * 2];

	private final Counter visitorsCreated;

	private final Counter visitorsErased;

	private final Counter visitorsInvalid;

	private final Counter sessionsStarted;

	private final Counter pageViews;

	private final Counter storeErrors;

	private final Counter consentGranted;

	private final Counter consentDenied;

	private final Counter erasuresFailed;

	private final Counter consentListenerFailures;

	private final Counter pageViewListenerFailures;

	/**
	 * Register the meters.
	 * @param registry the registry to register them in
	 * @param store the session store whose size the active-sessions gauge reports
	 */
	public CxpMeters(MeterRegistry registry, VisitorSessionStore store) {
		for (ConsentState state : STATES) {
			for (int source = 0; source < SOURCES.length; source++) {
				for (boolean effective : new boolean[] { false, true }) {
					this.decisions[index(state, source, effective)] = Counter.builder("cxp.consent.decisions")
						.description("Consent decisions, by state, source and whether they allowed tracking")
						.tag("state", lowerCase(state))
						.tag("source", SOURCES[source])
						.tag("effective", String.valueOf(effective))
						.register(registry);
				}
			}
		}
		this.visitorsCreated = counter(registry, "cxp.visitors.created", "Visitor ids issued");
		this.visitorsErased = counter(registry, "cxp.visitors.erased", "Responses that deleted the visitor id cookie");
		this.visitorsInvalid = counter(registry, "cxp.visitors.invalid", "Incoming visitor ids rejected as invalid");
		this.sessionsStarted = counter(registry, "cxp.sessions.started", "Visit sessions started");
		this.pageViews = counter(registry, "cxp.page.views", "Page views tracked");
		this.storeErrors = counter(registry, "cxp.session.store.errors",
				"Session store failures; the request was served without tracking");
		this.consentGranted = consentChanges(registry, ConsentState.GRANTED);
		this.consentDenied = consentChanges(registry, ConsentState.DENIED);
		this.erasuresFailed = counter(registry, "cxp.visitors.erasures.failed",
				"Withdrawals whose erasure of server-side data the session store failed");
		this.consentListenerFailures = counter(registry, "cxp.consent.listener.errors",
				"ConsentChangedEvent listeners that threw; the choice was recorded all the same");
		this.pageViewListenerFailures = counter(registry, "cxp.page.views.listener.errors",
				"PageViewEvent listeners that threw; the page was served all the same");
		Gauge.builder("cxp.sessions.active", store, VisitorSessionStore::size)
			.description("Visit sessions held by the session store")
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String name, String description) {
		return Counter.builder(name).description(description).register(registry);
	}

	private static Counter consentChanges(MeterRegistry registry, ConsentState state) {
		return Counter.builder("cxp.consent.changes")
			.description("Consent choices recorded through the consent endpoint")
			.tag("state", lowerCase(state))
			.register(registry);
	}

	private static String lowerCase(ConsentState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

	private static int index(ConsentState state, int source, boolean effective) {
		return (state.ordinal() * SOURCES.length + source) * 2 + (effective ? 1 : 0);
	}

	static int sourceIndex(String source) {
		for (int i = 0; i < OTHER_SOURCE; i++) {
			if (SOURCES[i].equals(source)) {
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
		if (state == ConsentState.GRANTED) {
			this.consentGranted.increment();
		}
		else if (state == ConsentState.DENIED) {
			this.consentDenied.increment();
		}
	}

	@Override
	public void erasureFailed() {
		this.erasuresFailed.increment();
	}

	@Override
	public void eventListenerFailed(Class<?> event) {
		if (event == ConsentChangedEvent.class) {
			this.consentListenerFailures.increment();
		}
		else if (event == PageViewEvent.class) {
			this.pageViewListenerFailures.increment();
		}
	}

}
