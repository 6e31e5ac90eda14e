package dev.cxp.internal.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.DecidedConsent;
import dev.cxp.internal.consent.GoogleConsentModes;

/**
 * The JSON answer of the consent endpoint:
 * {@code {"state":"GRANTED|DENIED|UNSPECIFIED","source":"...","effective":true|false,"required":true|false,
 * "revision":"...","purposes":{"analytics":"GRANTED",...},"region":"DE"|null}}.
 *
 * @param state the consent state of the tracking purpose
 * @param source where the state came from, such as {@code cookie}, {@code header}, {@code gpc} or
 * {@code none}
 * @param effective whether the state allows tracking under the policy in effect for this request
 * @param required whether consent must be given explicitly for this request: {@code cxp.consent.required},
 * or the visitor's region's setting
 * @param revision the current policy revision ({@code cxp.consent.revision})
 * @param purposes the state of every configured purpose, in the configured order
 * @param region the visitor's region, {@code null} when not known
 * @param googleConsentMode {@code granted} or {@code denied} for each Google Consent Mode type, {@code null} (and
 * left out of the JSON) unless {@code cxp.consent.google-consent-mode.enabled}
 * @since 0.1.0
 */
public record ConsentView(ConsentState state, String source, boolean effective, boolean required, String revision,
		Map<String, ConsentState> purposes, @Nullable String region,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, String> googleConsentMode) {

	/**
	 * The view of the consent decided for a request.
	 * @param consent the consent decided
	 * @param purposes the configured purposes
	 * @param revision the current policy revision
	 * @param consentModes the Google Consent Mode signals to answer, {@code null} when they are off
	 * @return the view
	 */
	public static ConsentView of(DecidedConsent consent, ConsentPurposes purposes, String revision,
			@Nullable GoogleConsentModes consentModes) {
		ConsentDecision decision = consent.decision();
		return new ConsentView(decision.state(), decision.source(), consent.effective(), consent.region().required(),
				revision, purposes.states(decision), consent.region().code(),
				(consentModes != null) ? consentModes.signals(consent::effective) : null);
	}

}
