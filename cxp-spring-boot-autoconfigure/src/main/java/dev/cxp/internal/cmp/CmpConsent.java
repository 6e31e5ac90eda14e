package dev.cxp.internal.cmp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxp.consent.ConsentState;

/**
 * What a consent management platform's string says about the starter's purposes, for one request.
 *
 * @param source where it came from: {@code tcf} (the TC string) or {@code gpp} (the GPP string)
 * @param purposes the state of each starter purpose the string decides; a purpose it says nothing about is
 * absent (and so {@link ConsentState#UNSPECIFIED})
 * @param globalPrivacyControl whether the string records a Global Privacy Control signal (the {@code Gpc}
 * flag of a GPP US section), which counts as {@code Sec-GPC: 1} where GPC is honoured
 * @since 0.2.0
 */
public record CmpConsent(String source, Map<String, ConsentState> purposes, boolean globalPrivacyControl) {

	public CmpConsent {
		purposes = Collections.unmodifiableMap(new LinkedHashMap<>(purposes));
	}

	/**
	 * The state of one purpose.
	 * @param purpose the starter purpose, such as {@code analytics}
	 * @return its state, {@link ConsentState#UNSPECIFIED} when the string says nothing about it
	 */
	public ConsentState state(String purpose) {
		return this.purposes.getOrDefault(purpose, ConsentState.UNSPECIFIED);
	}

	/**
	 * Whether the string says anything: a purpose state or a GPC signal.
	 * @return {@code false} when it decides nothing
	 */
	public boolean answers() {
		return !this.purposes.isEmpty() || this.globalPrivacyControl;
	}

	/**
	 * Combine with what another copy of the same cookie says (browsers send every variant, with another
	 * domain or path): per purpose a denial outweighs a grant, and a GPC signal in either counts.
	 * @param other the other copy's answer, from the same source
	 * @return the combined answer
	 */
	CmpConsent and(CmpConsent other) {
		Map<String, ConsentState> combined = new LinkedHashMap<>(this.purposes);
		other.purposes.forEach((purpose, state) -> combined.merge(purpose, state,
				(a, b) -> (a == ConsentState.DENIED || b == ConsentState.DENIED) ? ConsentState.DENIED : a));
		return new CmpConsent(this.source, combined, this.globalPrivacyControl || other.globalPrivacyControl);
	}

}
