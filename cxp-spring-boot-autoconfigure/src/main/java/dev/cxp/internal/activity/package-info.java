/**
 * Counts of what the starter decides and does, kept once and read by the meters and the Actuator endpoint.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.activity;

import org.jspecify.annotations.NullMarked;
