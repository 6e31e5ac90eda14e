/**
 * The memory harness: retained heap per visit session in the in-memory store.
 */
@NullMarked
package dev.cxp.benchmarks.memory;

import org.jspecify.annotations.NullMarked;
