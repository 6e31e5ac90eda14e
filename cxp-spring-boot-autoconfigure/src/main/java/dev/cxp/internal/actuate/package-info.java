/**
 * The starter's Micrometer meters and its Actuator endpoint, reading the counts the core keeps.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.actuate;

import org.jspecify.annotations.NullMarked;
