/**
 * The consent ledger's writer, guard and purge, and the JDBC ledger.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.ledger;

import org.jspecify.annotations.NullMarked;
