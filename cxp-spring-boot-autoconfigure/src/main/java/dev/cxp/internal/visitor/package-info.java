/**
 * The visitor's identity on each request: reading and writing the starter's cookies, issuing, keeping and erasing the visitor id, and the request path that ties consent, identity and tracking together.
 * <p>
 * Not API: everything under {@code dev.cxp.internal} may change in any release.
 */
@NullMarked
package dev.cxp.internal.visitor;

import org.jspecify.annotations.NullMarked;
