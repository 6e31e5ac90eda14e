/**
 * Ahead-of-time processing and native images: the hints for what the starter loads by name or serialises by
 * reflection.
 */
@NullMarked
package dev.cxp.aot;

import org.jspecify.annotations.NullMarked;
