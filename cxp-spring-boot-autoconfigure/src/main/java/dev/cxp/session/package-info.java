/**
 * Visit sessions: the tracker that turns page views into sessions with a previous page, the store SPI
 * and the in-memory store.
 */
@NullMarked
package dev.cxp.session;

import org.jspecify.annotations.NullMarked;
