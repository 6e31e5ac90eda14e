/**
 * The consent ledger: proof of each consent choice (GDPR Art. 7(1)), kept as append-only records that
 * hold as little personal data as the proof needs.
 *
 * @since 0.2.0
 */
@NullMarked
package dev.cxp.consent.ledger;

import org.jspecify.annotations.NullMarked;
