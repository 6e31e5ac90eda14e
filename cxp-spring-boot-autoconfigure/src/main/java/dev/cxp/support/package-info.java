/**
 * Small helpers shared by the starter's packages.
 */
@NullMarked
package dev.cxp.support;

import org.jspecify.annotations.NullMarked;
