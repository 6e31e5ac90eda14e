/**
 * Regional consent defaults: the visitor's region, read from headers a trusted edge sets, and the
 * consent settings in effect there.
 */
@NullMarked
package dev.cxp.consent.region;

import org.jspecify.annotations.NullMarked;
