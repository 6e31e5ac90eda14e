/**
 * Auto-configuration of the starter: wiring and properties only.
 */
@NullMarked
package dev.cxp.autoconfigure;

import org.jspecify.annotations.NullMarked;
