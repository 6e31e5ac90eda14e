/**
 * The starter on a Spring Cloud Gateway: routed requests get the visitor id and sessions under the same consent
 * rules, and the services behind the gateway may receive the one decision in request headers.
 */
@NullMarked
package dev.cxp.internal.gateway;

import org.jspecify.annotations.NullMarked;
