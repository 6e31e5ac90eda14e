/**
 * The page the load benchmark requests: the same rendering work in every variant.
 */
@NullMarked
package dev.cxp.benchmarks.pages;

import org.jspecify.annotations.NullMarked;
