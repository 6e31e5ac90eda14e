/**
 * Reading the consent strings (IAB TCF v2.2 and GPP) that consent management platforms keep in cookies, with bounded work whatever a string declares.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.cmp;

import org.jspecify.annotations.NullMarked;
