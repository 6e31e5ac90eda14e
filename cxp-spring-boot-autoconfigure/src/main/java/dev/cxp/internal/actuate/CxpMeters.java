package dev.cxp.internal.actuate;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.session.PageViewEvent;
import dev.cxp.session.VisitorSessionStore;

/**
 * The starter's Micrometer meters: function counters over the {@link CxpActivity} counts, and a gauge of the
 * session store's size. Nothing is counted here, so the request path pays for no meter. Tags never carry ids,
 * URLs or free text: the consent source tag takes only the values of {@link CxpActivity#SOURCES}.
 *
 * @since 0.1.0
 */
public class CxpMeters implements MeterBinder {

	private final CxpActivity activity;

	private final VisitorSessionStore store;

	/**
	 * Create the meters.
	 * @param activity the counts the meters read
	 * @param store the session store whose size the active-sessions gauge reports
	 */
	public CxpMeters(CxpActivity activity, VisitorSessionStore store) {
		this.activity = activity;
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ConsentState state : ConsentState.values()) {
			for (String source : CxpActivity.SOURCES) {
				for (boolean effective : new boolean[] { false, true }) {
					FunctionCounter
						.builder("cxp.consent.decisions", this.activity,
								(activity) -> activity.decisions(state, source, effective))
						.description("Consent decisions, by state, source and whether they allowed tracking")
						.tag("state", lowerCase(state))
						.tag("source", source)
						.tag("effective", String.valueOf(effective))
						.register(registry);
				}
			}
		}
		counter(registry, "cxp.visitors.created", "Visitor ids issued", CxpActivity::visitorsCreated);
		counter(registry, "cxp.visitors.erased", "Responses that deleted the visitor id cookie",
				CxpActivity::visitorsErased);
		counter(registry, "cxp.visitors.invalid", "Incoming visitor ids rejected as invalid",
				CxpActivity::visitorsInvalid);
		counter(registry, "cxp.sessions.started", "Visit sessions started", CxpActivity::sessionsStarted);
		counter(registry, "cxp.page.views", "Page views tracked", CxpActivity::pageViews);
		counter(registry, "cxp.session.store.errors", "Session store failures; the request was served without tracking",
				CxpActivity::storeErrors);
		counter(registry, "cxp.visitors.erasures.failed",
				"Withdrawals whose erasure of server-side data the session store failed", CxpActivity::erasuresFailed);
		counter(registry, "cxp.consent.listener.errors",
				"ConsentChangedEvent listeners that threw; the choice was recorded all the same",
				CxpActivity::consentListenerErrors);
		counter(registry, "cxp.page.views.listener.errors",
				"PageViewEvent listeners that threw; the page was served all the same",
				CxpActivity::pageViewListenerErrors);
		for (ConsentState state : new ConsentState[] { ConsentState.GRANTED, ConsentState.DENIED }) {
			FunctionCounter
				.builder("cxp.consent.changes", this.activity, (activity) -> activity.consentChanges(state))
				.description("Consent choices recorded through the consent endpoint")
				.tag("state", lowerCase(state))
				.register(registry);
		}
		Gauge.builder("cxp.sessions.active", this.store, VisitorSessionStore::size)
			.description("Visit sessions held by the session store, with the markers of recent erasures")
			.register(registry);
	}

	private void counter(MeterRegistry registry, String name, String description,
			ToDoubleFunction<CxpActivity> count) {
		FunctionCounter.builder(name, this.activity, count).description(description).register(registry);
	}

	private static String lowerCase(ConsentState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

}
