/**
 * The Spring Session variant of the load benchmark: comparable work done with
 * Spring Session's in-memory repository instead of the starter.
 */
@NullMarked
package dev.cxp.benchmarks.session;

import org.jspecify.annotations.NullMarked;
