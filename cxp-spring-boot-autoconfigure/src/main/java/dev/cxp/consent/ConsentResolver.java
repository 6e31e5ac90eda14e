package dev.cxp.consent;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides, for one request, what the visitor said about being tracked. Declare a bean of this type to
 * take consent from your own consent management platform; the auto-configured one then backs off. The
 * {@code cxp.consent.required} policy is applied to whatever it answers.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConsentResolver {

	/**
	 * Resolve the consent of the visitor making this request. Must not store anything.
	 * @param request the current request
	 * @return the decision; {@code null} counts as {@link ConsentDecision#unspecified()}
	 */
	ConsentDecision resolve(HttpServletRequest request);

}
