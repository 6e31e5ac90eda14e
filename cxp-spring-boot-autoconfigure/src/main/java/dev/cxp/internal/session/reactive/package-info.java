/**
 * The session store reached from WebFlux applications, without blocking an event-loop thread.
 */
@NullMarked
package dev.cxp.internal.session.reactive;

import org.jspecify.annotations.NullMarked;
