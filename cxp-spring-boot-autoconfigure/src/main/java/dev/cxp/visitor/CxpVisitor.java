package dev.cxp.visitor;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.session.VisitSession;

/**
 * The visitor making the current request, as the starter sees it. Take it as a controller method
 * argument, or read the request attribute {@link #ATTRIBUTE}. Without effective consent, its id and
 * session are empty.
 *
 * @param visitorId the visitor id, {@code null} without effective consent
 * @param consent the consent decision for this request
 * @param consentEffective whether the decision allows tracking under the {@code cxp.consent.required} policy
 * @param session the live visit session, {@code null} without consent, before the first page view, or
 * when the session store could not be read
 * @since 0.1.0
 */
public record CxpVisitor(@Nullable String visitorId, ConsentDecision consent, boolean consentEffective,
		@Nullable VisitSession session) {

	/**
	 * Name of the request attribute that holds the current visitor.
	 */
	public static final String ATTRIBUTE = CxpVisitor.class.getName();

	private static final CxpVisitor UNKNOWN = new CxpVisitor(null, ConsentDecision.unspecified(), false, null);

	/**
	 * A visitor that is not tracked because its consent is not effective: no id, no session.
	 * @param consent the consent decision
	 * @return the visitor
	 */
	public static CxpVisitor untracked(ConsentDecision consent) {
		return new CxpVisitor(null, consent, false, null);
	}

	/**
	 * The visitor given to controllers when the starter did not look at the request (it is switched off,
	 * or the path is one it leaves alone): nothing known, consent not effective.
	 * @return the visitor
	 */
	public static CxpVisitor unknown() {
		return UNKNOWN;
	}

}
