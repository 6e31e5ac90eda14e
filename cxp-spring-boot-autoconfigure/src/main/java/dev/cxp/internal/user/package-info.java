/**
 * Consent that follows the signed-in user (SPEC S15): the keyed link of a user, the restoration of their latest
 * choice at sign-in, the visitor ids of their browsers kept while their sessions can live, and the answers to a
 * data subject's requests.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.user;

import org.jspecify.annotations.NullMarked;
