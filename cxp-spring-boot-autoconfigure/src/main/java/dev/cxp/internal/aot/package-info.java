/**
 * Runtime hints for native images.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.aot;

import org.jspecify.annotations.NullMarked;
