/**
 * The {@code cxp} Actuator endpoint. Only this package and the auto-configuration refer to Actuator, so the
 * starter works without it.
 */
@NullMarked
package dev.cxp.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
