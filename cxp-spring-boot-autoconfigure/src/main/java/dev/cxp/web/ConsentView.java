package dev.cxp.web;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentPolicy;
import dev.cxp.consent.ConsentState;

/**
 * The JSON answer of the consent endpoint:
 * {@code {"state":"GRANTED|DENIED|UNSPECIFIED","source":"...","effective":true|false,"required":true|false}}.
 *
 * @param state the consent state
 * @param source where the state came from, such as {@code cookie}, {@code header}, {@code gpc} or
 * {@code none}
 * @param effective whether the state allows tracking under the {@code cxp.consent.required} policy
 * @param required whether consent must be given explicitly ({@code cxp.consent.required})
 * @since 0.1.0
 */
public record ConsentView(ConsentState state, String source, boolean effective, boolean required) {

	/**
	 * The view of a decision under a policy.
	 * @param decision the decision
	 * @param policy the policy that says whether it is effective
	 * @return the view
	 */
	public static ConsentView of(ConsentDecision decision, ConsentPolicy policy) {
		return new ConsentView(decision.state(), decision.source(), policy.isEffective(decision),
				policy.isRequired());
	}

}
