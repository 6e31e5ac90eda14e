/**
 * The cookies in which the consent management platforms that sites run keep a visitor's choice per category
 * (OneTrust, Cookiebot, klaro, orestbida's cookieconsent), read exactly as each platform writes them and
 * mapped to the starter's purposes. What a cookie cannot say safely counts as absent: a value is read at a
 * cost bounded by its length, whatever it holds, and never throws.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.platform;

import org.jspecify.annotations.NullMarked;
