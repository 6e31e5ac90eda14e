/**
 * The Redis session store: visit sessions shared by every instance of an application, with each page
 * view applied on the server in one round trip.
 */
@NullMarked
package dev.cxp.session.redis;

import org.jspecify.annotations.NullMarked;
