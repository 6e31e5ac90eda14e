package dev.cxp.internal.actuate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.ledger.ConsentLedgerThrottledException.Reason;

/**
 * The consent ledger's counts as Micrometer counters: {@code cxp.consent.ledger.records} (records written),
 * {@code cxp.consent.ledger.errors} tagged {@code operation=append|purge} (failures),
 * {@code cxp.consent.ledger.purged} (records deleted by the retention purge), and
 * {@code cxp.consent.ledger.throttled} tagged {@code reason=rate|concurrency} (choices that stand without a
 * record because a bound of the ledger's guard was reached).
 *
 * @since 0.2.0
 */
public class ConsentLedgerMeters implements MeterBinder {

	private final ConsentLedgerCounters counters;

	/**
	 * Create the meters of the given counts.
	 * @param counters the ledger's counts
	 */
	public ConsentLedgerMeters(ConsentLedgerCounters counters) {
		this.counters = counters;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("cxp.consent.ledger.records", this.counters, ConsentLedgerCounters::records)
			.description("Consent records written to the ledger")
			.register(registry);
		FunctionCounter.builder("cxp.consent.ledger.errors", this.counters, ConsentLedgerCounters::appendErrors)
			.tag("operation", "append")
			.description("Consent records that could not be written to the ledger")
			.register(registry);
		FunctionCounter.builder("cxp.consent.ledger.errors", this.counters, ConsentLedgerCounters::purgeErrors)
			.tag("operation", "purge")
			.description("Purges of the consent ledger that failed")
			.register(registry);
		FunctionCounter.builder("cxp.consent.ledger.purged", this.counters, ConsentLedgerCounters::purgedRecords)
			.description("Consent records deleted by the retention purge")
			.register(registry);
		for (Reason reason : Reason.values()) {
			FunctionCounter
				.builder("cxp.consent.ledger.throttled", this.counters, (counters) -> counters.throttledWrites(reason))
				.tag("reason", reason.tag())
				.description("Consent choices that stand without a ledger record because a bound was reached")
				.register(registry);
		}
	}

}
