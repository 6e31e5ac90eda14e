/**
 * JMH benchmarks of reading the consent cookies of OneTrust and Cookiebot.
 */
@NullMarked
package dev.cxp.benchmarks.platform;

import org.jspecify.annotations.NullMarked;
