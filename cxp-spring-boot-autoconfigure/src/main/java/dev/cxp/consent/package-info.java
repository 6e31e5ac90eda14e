/**
 * Consent: the decision a {@link dev.cxp.consent.ConsentResolver} makes for each request and the
 * policy that turns it into effective consent.
 */
@NullMarked
package dev.cxp.consent;

import org.jspecify.annotations.NullMarked;
