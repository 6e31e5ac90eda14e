/**
 * Small helpers: secure ids and throttled warnings.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.support;

import org.jspecify.annotations.NullMarked;
