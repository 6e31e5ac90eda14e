/**
 * Visit sessions. An application may declare a {@link dev.cxp.session.VisitorSessionStore} to keep sessions in
 * a store of its own; {@link dev.cxp.session.PageVisit}, {@link dev.cxp.session.TrackedPageView} and
 * {@link dev.cxp.session.VisitSession} are what the store takes and answers. A
 * {@link dev.cxp.session.PageViewEvent} is published for every page view tracked.
 */
@NullMarked
package dev.cxp.session;

import org.jspecify.annotations.NullMarked;
