/**
 * The load benchmark: an application (the sample app, or one shaped like a user's) with the starter on,
 * switched off, and with Spring Session or a hand-written tracker instead, under the same HTTP load on
 * loopback, compared by server CPU and allocated bytes per request, and the starter's JVM profiled.
 */
@NullMarked
package dev.cxp.benchmarks.load;

import org.jspecify.annotations.NullMarked;
