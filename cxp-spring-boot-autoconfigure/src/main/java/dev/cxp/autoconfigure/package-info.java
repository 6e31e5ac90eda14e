/**
 * Auto-configuration of the starter: wiring, and {@link dev.cxp.autoconfigure.CxpProperties}, every
 * {@code cxp.*} property. The auto-configuration classes are public so that an application can exclude them;
 * they are not API otherwise.
 */
@NullMarked
package dev.cxp.autoconfigure;

import org.jspecify.annotations.NullMarked;
