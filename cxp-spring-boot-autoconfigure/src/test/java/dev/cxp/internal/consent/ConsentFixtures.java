package dev.cxp.internal.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentSource;
import dev.cxp.internal.web.servlet.DefaultConsentResolver;
import dev.cxp.internal.web.servlet.ServletConsentRequest;

/**
 * The starter's default resolution and policy, built for tests as the auto-configuration builds them.
 */
public final class ConsentFixtures {

	private ConsentFixtures() {
	}

	/**
	 * The default policy: the consent header and cookie of the default names, the default purpose and revision,
	 * consent not required, Global Privacy Control honoured.
	 * @return the policy
	 */
	public static ConsentPolicy defaultPolicy() {
		return policy("X-CXP-Consent", "cxp_consent", false, true);
	}

	/**
	 * A policy over the consent header and cookie of the given names, for the default purpose and revision.
	 * @param headerName the consent header
	 * @param cookieName the consent cookie
	 * @param required whether consent is required
	 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies
	 * @return the policy
	 */
	public static ConsentPolicy policy(String headerName, String cookieName, boolean required,
			boolean honorGlobalPrivacyControl) {
		ConsentCookieFormat format = new ConsentCookieFormat(ConsentPurposes.defaults(), "1", null);
		return policy(headerName, cookieName, format,
				ConsentRegions.global(required, honorGlobalPrivacyControl), List.of());
	}

	/**
	 * A policy over the default header and cookie names, for the format's purposes and revision.
	 * @param format the consent cookie's format
	 * @param regions the regional settings
	 * @param sources the application's sources, read after the consent cookie
	 * @return the policy
	 */
	public static ConsentPolicy policy(ConsentCookieFormat format, ConsentRegions regions, ConsentSource... sources) {
		return policy("X-CXP-Consent", "cxp_consent", format, regions, List.of(sources));
	}

	private static ConsentPolicy policy(String headerName, String cookieName, ConsentCookieFormat format,
			ConsentRegions regions, List<ConsentSource> more) {
		List<List<ConsentSource>> links = new ArrayList<>();
		links.add(List.of(new ConsentHeaderSource(headerName, format)));
		links.add(List.of(new ConsentCookieSource(cookieName, format)));
		more.forEach((source) -> links.add(List.of(source)));
		DefaultConsentResolver resolver = new DefaultConsentResolver(new ConsentChain(links, format.purposes()));
		return new ConsentPolicy((request) -> resolver.resolve(ServletConsentRequest.servletRequestOf(request)),
				format.purposes(), regions);
	}

	/**
	 * Decide consent for a servlet request, reading its cookies afresh (a test may change them between calls).
	 * @param policy the policy
	 * @param request the request
	 * @return the decision
	 */
	public static ConsentDecision decide(ConsentPolicy policy, HttpServletRequest request) {
		return decided(policy, request).decision();
	}

	/**
	 * Decide consent for a servlet request, reading its cookies afresh.
	 * @param policy the policy
	 * @param request the request
	 * @return the consent decided
	 */
	public static DecidedConsent decided(ConsentPolicy policy, HttpServletRequest request) {
		request.removeAttribute(ServletConsentRequest.class.getName());
		return policy.decide(ServletConsentRequest.of(request));
	}

	/**
	 * A source that states fixed purposes.
	 * @param name its name
	 * @param states what it states
	 * @return the source
	 */
	public static ConsentSource source(String name, Map<String, dev.cxp.consent.ConsentState> states) {
		return new ConsentSource() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Map<String, dev.cxp.consent.ConsentState> states(dev.cxp.consent.ConsentRequest request) {
				return states;
			}

		};
	}

}
