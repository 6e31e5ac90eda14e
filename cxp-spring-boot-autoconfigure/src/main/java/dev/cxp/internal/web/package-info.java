/**
 * The starter's Spring MVC layer: the interceptor that runs the request path, the controller argument, and the starter's endpoints (consent, receipt, visitor, browser script).
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.web;

import org.jspecify.annotations.NullMarked;
