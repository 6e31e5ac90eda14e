/**
 * The consent ledger kept in a relational database through JDBC, with its schema scripts.
 *
 * @since 0.2.0
 */
@NullMarked
package dev.cxp.consent.ledger.jdbc;

import org.jspecify.annotations.NullMarked;
