/**
 * Reporting: Micrometer meters and the {@code cxp} Actuator endpoint. Nothing outside this package and the
 * auto-configuration refers to Micrometer or Actuator, so the starter works without them.
 */
@NullMarked
package dev.cxp.actuate;

import org.jspecify.annotations.NullMarked;
