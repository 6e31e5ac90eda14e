/**
 * JMH benchmarks of reading the consent strings of a consent management platform (IAB TCF and GPP).
 */
@NullMarked
package dev.cxp.benchmarks.cmp;

import org.jspecify.annotations.NullMarked;
