/**
 * An application shaped like a user's, for the load benchmark: the starter, Spring MVC and Actuator with
 * its default meters, and two pages that render nothing of the visitor.
 *
 * @since 0.2.0
 */
@NullMarked
package dev.cxp.benchmarks.user;

import org.jspecify.annotations.NullMarked;
