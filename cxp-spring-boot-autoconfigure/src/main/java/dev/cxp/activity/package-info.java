/**
 * What the starter decides and does on the request path, counted once: the listener the core packages tell,
 * and the counts that the meters and the Actuator endpoint both read.
 */
@NullMarked
package dev.cxp.activity;

import org.jspecify.annotations.NullMarked;
