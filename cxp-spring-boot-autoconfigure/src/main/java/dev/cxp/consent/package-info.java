/**
 * Consent: what an application may use or implement to take part in the consent decision.
 * <ul>
 * <li>{@link dev.cxp.consent.ConsentSource} and {@link dev.cxp.consent.ConsentRequest}: add a signal of your own
 * (an in-house consent platform) to the starter's chain of sources, keeping every protection of the chain;</li>
 * <li>{@link dev.cxp.consent.ConsentResolver}: replace the whole chain on Spring MVC (Global Privacy Control and
 * the {@code cxp.consent.required} policy still apply to what it answers);</li>
 * <li>{@link dev.cxp.consent.ReactiveConsentResolver}: the same on WebFlux;</li>
 * <li>{@link dev.cxp.consent.ConsentDecision}, {@link dev.cxp.consent.ConsentState} and
 * {@link dev.cxp.consent.ConsentSources}: what a resolver or source answers, and the source tags the starter
 * gives its own decisions;</li>
 * <li>{@link dev.cxp.consent.ConsentRegion}: the settings in effect for a request's region, as
 * {@link dev.cxp.visitor.CxpVisitor} carries them;</li>
 * <li>{@link dev.cxp.consent.ConsentChangedEvent}: published for every choice, the hook for keeping a record of
 * consent.</li>
 * </ul>
 * Everything under {@code dev.cxp.internal} is implementation and may change in any release.
 */
@NullMarked
package dev.cxp.consent;

import org.jspecify.annotations.NullMarked;
