/**
 * The load benchmark: the sample app with the starter on, switched off, and with Spring Session instead,
 * under the same HTTP load on loopback, compared by server CPU per request.
 */
@NullMarked
package dev.cxp.benchmarks.load;

import org.jspecify.annotations.NullMarked;
