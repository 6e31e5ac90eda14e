/**
 * Consent strings of consent management platforms (IAB TCF v2.2 and GPP). An application may declare a
 * {@link dev.cxp.consent.cmp.ConsentStringDecoder} to decode them with something else than the IAB's library;
 * {@link dev.cxp.consent.cmp.TcfConsent} and {@link dev.cxp.consent.cmp.GppConsent} are what a decoder answers.
 */
@NullMarked
package dev.cxp.consent.cmp;

import org.jspecify.annotations.NullMarked;
