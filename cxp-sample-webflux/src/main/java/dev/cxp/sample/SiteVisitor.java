package dev.cxp.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;
import dev.cxp.visitor.CxpVisitor;
import dev.cxp.visitor.CxpVisitorView;

/**
 * What the site shows of the current visitor, on its pages and as JSON: the starter's view of the visitor,
 * whether consent must be given explicitly for this request, and, per purpose, its state and whether the
 * visitor's consent allows it (how application code gates its own features).
 *
 * @param visitorId the visitor id, {@code null} without consent
 * @param consent the consent decision and whether it allows tracking
 * @param session the live session, {@code null} without consent or before the first page view
 * @param region the visitor's region, {@code null} when not known
 * @param consentRequired whether consent must be given explicitly, so that nothing is kept before a choice
 * @param purposes every configured purpose, in the configured order
 */
record SiteVisitor(@Nullable String visitorId, CxpVisitorView.Consent consent, CxpVisitorView.@Nullable Session session,
		@Nullable String region, boolean consentRequired, Map<String, Purpose> purposes) {

	static SiteVisitor of(CxpVisitor visitor, List<String> purposes) {
		CxpVisitorView view = CxpVisitorView.of(visitor);
		Map<String, Purpose> states = new LinkedHashMap<>();
		for (String purpose : purposes) {
			states.put(purpose, new Purpose(visitor.consent().state(purpose), visitor.consentEffective(purpose)));
		}
		return new SiteVisitor(view.visitorId(), view.consent(), view.session(), view.region(),
				visitor.region().required(), states);
	}

	/**
	 * One purpose of the visitor's consent.
	 *
	 * @param state the recorded state
	 * @param allowed whether the visitor's consent allows the purpose under the policy in effect
	 */
	record Purpose(ConsentState state, boolean allowed) {

	}

}
