/**
 * The load comparison: the user-shaped application with the starter on, switched off, and with Spring Session
 * or a hand-written tracker instead, under the same HTTP load on loopback, compared by server CPU and
 * allocated bytes per request.
 */
@NullMarked
package dev.cxp.benchmarks.load;

import org.jspecify.annotations.NullMarked;
