package dev.cxp.internal.cmp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;

/**
 * Turns decoded consent strings into states of the starter's purposes (SPEC S11.3, S11.4).
 */
final class ConsentStringMapping {

	/** TCF v2.2 is policy version 4: older strings were made under rules that no longer hold. */
	static final int MIN_POLICY_VERSION = 4;

	private final @Nullable TcfSettings tcf;

	private final List<String> optOutDenies;

	ConsentStringMapping(@Nullable TcfSettings tcf, @Nullable GppSettings gpp) {
		this.tcf = tcf;
		this.optOutDenies = (gpp != null) ? gpp.optOutDenies() : List.of();
	}

	/**
	 * Whether a TC string (or TCF section) counts at all: an unknown CMP or an old policy makes it absent.
	 */
	static boolean isValid(TcfConsent consent) {
		return consent.policyVersion() >= MIN_POLICY_VERSION && consent.cmpId() != 0;
	}

	/**
	 * Every mapped purpose is granted when all its TCF purposes have consent, and denied otherwise.
	 */
	Map<String, ConsentState> tcfPurposes(TcfConsent consent) {
		Map<String, ConsentState> states = new LinkedHashMap<>();
		if (this.tcf == null) {
			return states;
		}
		Set<Integer> publisher = consent.publisherPurposeConsents();
		Set<Integer> consents = (this.tcf.usePublisherSegment() && publisher != null) ? publisher
				: consent.purposeConsents();
		this.tcf.purposes()
			.forEach((purpose, ids) -> states.put(purpose,
					consents.containsAll(ids) ? ConsentState.GRANTED : ConsentState.DENIED));
		return states;
	}

	/**
	 * A valid TCF section is read as a TC string; a US opt-out only ever denies, and the section's GPC flag
	 * is passed on for the policy to weigh.
	 * @param consent the decoded string
	 * @param tcfSectionValid whether the TCF section, if any, is to be read
	 */
	CmpConsent gpp(GppConsent consent, boolean tcfSectionValid) {
		Map<String, ConsentState> states = new LinkedHashMap<>();
		TcfConsent tcfSection = consent.tcfEuV2();
		if (tcfSection != null && tcfSectionValid) {
			states.putAll(tcfPurposes(tcfSection));
		}
		boolean optedOut = false;
		boolean gpc = false;
		for (GppConsent.UsSection section : consent.usSections()) {
			optedOut |= section.anyOptOut();
			gpc |= section.gpc();
		}
		if (optedOut) {
			this.optOutDenies.forEach((purpose) -> states.put(purpose, ConsentState.DENIED));
		}
		return new CmpConsent(CmpConsentReader.SOURCE_GPP, states, gpc);
	}

}
