/**
 * Consent that follows the signed-in user on Spring MVC with Spring Security: who is signed in, and the filter
 * that notices a sign-in once per HTTP session.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.user.servlet;

import org.jspecify.annotations.NullMarked;
