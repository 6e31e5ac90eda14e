/**
 * Benchmarks of the starter: the request path in JMH, a load comparison with the bare application and
 * with Spring Session, and the memory held per visit session. None runs during the normal build.
 */
@NullMarked
package dev.cxp.benchmarks;

import org.jspecify.annotations.NullMarked;
