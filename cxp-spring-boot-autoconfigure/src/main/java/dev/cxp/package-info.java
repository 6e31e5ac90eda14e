/**
 * Server-side visitor identity and consent for Spring MVC, after the Dynamics 365 CXP web SDK.
 */
@NullMarked
package dev.cxp;

import org.jspecify.annotations.NullMarked;
