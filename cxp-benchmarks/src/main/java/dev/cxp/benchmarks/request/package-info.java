/**
 * JMH benchmarks of the starter's request path, wired by its own auto-configuration and driven with
 * spring-test's mock request and response.
 */
@NullMarked
package dev.cxp.benchmarks.request;

import org.jspecify.annotations.NullMarked;
