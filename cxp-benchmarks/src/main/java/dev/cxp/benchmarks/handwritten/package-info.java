/**
 * The hand-written variant of the load benchmark: a visitor cookie and a concurrent map, the practical
 * limit of what tracking visitors can cost.
 *
 * @since 0.2.0
 */
@NullMarked
package dev.cxp.benchmarks.handwritten;

import org.jspecify.annotations.NullMarked;
