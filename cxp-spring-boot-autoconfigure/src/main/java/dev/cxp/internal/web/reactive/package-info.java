/**
 * The starter on WebFlux: the request path as a {@code WebFilter}, the {@code CxpVisitor} argument and the
 * starter's endpoints, over the stack-neutral core, without blocking an event-loop thread.
 */
@NullMarked
package dev.cxp.internal.web.reactive;

import org.jspecify.annotations.NullMarked;
