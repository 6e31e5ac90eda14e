/**
 * The consent ledger: proof of each consent choice (GDPR Art. 7(1)). An application may declare a
 * {@link dev.cxp.consent.ledger.ConsentLedger} to keep the records elsewhere than in its {@code DataSource};
 * {@link dev.cxp.consent.ledger.ConsentRecord} and {@link dev.cxp.consent.ledger.ConsentMethod} are what a
 * ledger keeps. Records hold as little personal data as the proof needs.
 */
@NullMarked
package dev.cxp.consent.ledger;

import org.jspecify.annotations.NullMarked;
