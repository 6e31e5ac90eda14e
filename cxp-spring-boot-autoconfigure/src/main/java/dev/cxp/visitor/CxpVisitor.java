package dev.cxp.visitor;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRegion;
import dev.cxp.consent.ConsentState;
import dev.cxp.session.VisitSession;

/**
 * The visitor making the current request, as the starter sees it. Take it as a controller method
 * argument, or read the request attribute {@link #ATTRIBUTE}. Without effective consent for the tracking
 * purpose, its id and session are empty. Application code gates its own features per purpose with
 * {@link #consentEffective(String)}, or reads the state with {@code consent().state("ads")}.
 *
 * @param visitorId the visitor id, {@code null} without effective consent
 * @param consent the consent decision for this request
 * @param consentEffective whether the decision allows tracking under the {@code cxp.consent.required} policy
 * in effect for the request
 * @param session the live visit session, {@code null} without consent, before the first page view, when
 * the session store could not be read, or when the page view's consent was decided before a withdrawal of the
 * visitor took effect
 * @param region the visitor's region ({@link ConsentRegion#code()}, {@code null} when not known) and the
 * consent settings in effect there
 * @since 0.1.0
 */
public record CxpVisitor(@Nullable String visitorId, ConsentDecision consent, boolean consentEffective,
		@Nullable VisitSession session, ConsentRegion region) {

	/**
	 * Name of the request attribute that holds the current visitor.
	 */
	public static final String ATTRIBUTE = CxpVisitor.class.getName();

	/**
	 * The name of the request attribute that holds, when {@code cxp.consent.google-consent-mode.enabled}, the Google
	 * Consent Mode signals of the request's consent as a JSON object, such as
	 * {@code {"analytics_storage":"granted"}}: a page's template puts it on the browser script's element, as
	 * {@code data-consent-mode}, so that the page's Google tags start with the server's decision.
	 * @since 0.3.0
	 */
	public static final String GOOGLE_CONSENT_MODE_ATTRIBUTE = "cxpConsentMode";

	private static final CxpVisitor UNKNOWN = new CxpVisitor(null, ConsentDecision.unspecified(), false, null);

	/**
	 * Create a visitor whose region is not known. Purposes other than the tracking purpose whose state is
	 * unspecified are not effective unless the tracking purpose itself is unspecified and effective.
	 * @param visitorId the visitor id
	 * @param consent the consent decision
	 * @param consentEffective whether the decision allows tracking
	 * @param session the live visit session
	 */
	public CxpVisitor(@Nullable String visitorId, ConsentDecision consent, boolean consentEffective,
			@Nullable VisitSession session) {
		this(visitorId, consent, consentEffective, session, new ConsentRegion(null,
				consent.state() != ConsentState.UNSPECIFIED || !consentEffective, true));
	}

	/**
	 * A visitor that is not tracked because its consent is not effective: no id, no session.
	 * @param consent the consent decision
	 * @return the visitor
	 */
	public static CxpVisitor untracked(ConsentDecision consent) {
		return new CxpVisitor(null, consent, false, null);
	}

	/**
	 * A visitor that is not tracked: no id, no session.
	 * @param consent the consent decision
	 * @param region the settings in effect for the request
	 * @return the visitor
	 * @since 0.2.0
	 */
	public static CxpVisitor untracked(ConsentDecision consent, ConsentRegion region) {
		return new CxpVisitor(null, consent, region.isEffective(consent.state()), null, region);
	}

	/**
	 * The visitor given to controllers when the starter did not look at the request (it is switched off,
	 * or the path is one it leaves alone): nothing known, consent not effective.
	 * @return the visitor
	 */
	public static CxpVisitor unknown() {
		return UNKNOWN;
	}

	/**
	 * Whether the visitor's consent allows a purpose, under the policy in effect for the request.
	 * @param purpose a configured purpose, such as {@code ads}
	 * @return {@code true} when the purpose is granted, or unspecified where consent is not required
	 * @since 0.2.0
	 */
	public boolean consentEffective(String purpose) {
		return this.region.isEffective(this.consent.state(purpose));
	}

}
