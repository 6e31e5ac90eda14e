package dev.cxp.consent;

import java.util.Map;

/**
 * A signal of consent the default resolution reads, such as a site's own consent management platform.
 * Declare a bean of this type to add one: it joins the starter's sources in this order, and for each purpose
 * the first source that states it wins:
 * <ol>
 * <li>the consent header ({@code X-CXP-Consent});</li>
 * <li>the starter's own consent cookie ({@code cxp_consent}), which records choices made with the site's
 * banner;</li>
 * <li>the application's sources, in {@link org.springframework.core.annotation.Order @Order};</li>
 * <li>the consent management platforms' cookies and strings the starter reads when switched on;</li>
 * <li>Global Privacy Control ({@code Sec-GPC: 1}), which denies every purpose still unstated where it is
 * honoured.</li>
 * </ol>
 * The {@code cxp.consent.required} policy then decides what an unstated purpose means. A source reads only what
 * the {@link ConsentRequest} offers, so the same bean serves Spring MVC and WebFlux. It must not store anything
 * and must not block; when it throws, the request is treated as denied.
 *
 * @since 0.3.0
 */
public interface ConsentSource {

	/**
	 * A short, constant name of this source, such as {@code intranet-cmp}: a decision it made gets it as its
	 * {@link ConsentDecision#source() source}, which becomes a metric tag. Never put an id or a value of the
	 * request here.
	 * @return the name
	 */
	String name();

	/**
	 * The state of each purpose this source knows for the request. A purpose left out, or answered
	 * {@link ConsentState#UNSPECIFIED}, is left to the sources after this one. When the signal comes several
	 * times (copies of a cookie), combine them so that a denial wins.
	 * @param request the request
	 * @return the states by purpose name ({@code cxp.consent.purposes}); names of other purposes are ignored
	 */
	Map<String, ConsentState> states(ConsentRequest request);

}
