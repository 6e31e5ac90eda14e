/**
 * The starter's HTTP endpoints under {@code cxp.web.base-path}: the consent endpoint, the current visitor,
 * and the browser script that keeps local storage in step with consent.
 */
@NullMarked
package dev.cxp.web;

import org.jspecify.annotations.NullMarked;
