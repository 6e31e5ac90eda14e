/**
 * Visitor identity: the {@code _mspi} id cookie, the interceptor that keeps it in step with consent on
 * every request, and {@link dev.cxp.visitor.CxpVisitor}, the current visitor as controllers see it.
 */
@NullMarked
package dev.cxp.visitor;

import org.jspecify.annotations.NullMarked;
