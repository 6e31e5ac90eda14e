/**
 * Server-side visitor identity and consent for Spring Boot web applications, after the Dynamics 365 CXP web
 * SDK. The API is the public types of {@code dev.cxp.consent}, {@code dev.cxp.consent.cmp},
 * {@code dev.cxp.consent.ledger}, {@code dev.cxp.session} and {@code dev.cxp.visitor}, and the properties;
 * {@code dev.cxp.internal} is implementation.
 */
@NullMarked
package dev.cxp;

import org.jspecify.annotations.NullMarked;
