/**
 * The starter's Micrometer meters, read from the activity counts. Only this package and the
 * auto-configuration refer to Micrometer, so the starter works without it.
 */
@NullMarked
package dev.cxp.actuate.metrics;

import org.jspecify.annotations.NullMarked;
