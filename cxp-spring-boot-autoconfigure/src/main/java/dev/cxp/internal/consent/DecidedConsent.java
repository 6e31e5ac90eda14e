package dev.cxp.internal.consent;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRegion;

/**
 * The consent decided for one request: the decision, the settings of the visitor's region, and whether the
 * tracking purpose may be tracked under them.
 *
 * @param decision the decision, Global Privacy Control included
 * @param region the settings in effect for the request
 * @param effective whether the tracking purpose's state allows tracking under {@code region}
 */
public record DecidedConsent(ConsentDecision decision, ConsentRegion region, boolean effective) {

	/**
	 * Whether a purpose's state allows what it gates under the region's settings.
	 * @param purpose the purpose
	 * @return {@code true} when granted, or unspecified where consent is not required
	 */
	public boolean effective(String purpose) {
		return this.region.isEffective(this.decision.state(purpose));
	}

}
