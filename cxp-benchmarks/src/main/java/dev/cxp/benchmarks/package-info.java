/**
 * Benchmarks of the starter: the request path and the consent strings in JMH, a load comparison with the
 * disabled application, Spring Session and a hand-written limit, and the memory held per visit session. None
 * runs during the normal build.
 */
@NullMarked
package dev.cxp.benchmarks;

import org.jspecify.annotations.NullMarked;
