/**
 * Micrometer meters of the consent ledger.
 *
 * @since 0.2.0
 */
@NullMarked
package dev.cxp.consent.ledger.actuate;

import org.jspecify.annotations.NullMarked;
