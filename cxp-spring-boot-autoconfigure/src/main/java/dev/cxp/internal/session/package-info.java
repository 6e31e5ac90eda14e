/**
 * Tracking visit sessions: the session tracker, the in-memory store and the recorded page.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.session;

import org.jspecify.annotations.NullMarked;
