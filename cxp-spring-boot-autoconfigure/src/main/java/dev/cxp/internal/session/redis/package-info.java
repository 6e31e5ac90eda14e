/**
 * The Redis session store and its bounded connections.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.session.redis;

import org.jspecify.annotations.NullMarked;
