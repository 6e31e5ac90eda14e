/**
 * The consent decision: the chain of consent sources, the consent cookie's format, purposes, regions and the policy that makes a decision effective or not.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.consent;

import org.jspecify.annotations.NullMarked;
