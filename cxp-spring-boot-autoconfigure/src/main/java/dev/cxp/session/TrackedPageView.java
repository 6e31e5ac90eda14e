package dev.cxp.session;

/**
 * The outcome of recording a page view in a {@link VisitorSessionStore}.
 *
 * @param session the session after the page view
 * @param newSession whether the page view started the session
 * @since 0.1.0
 */
public record TrackedPageView(VisitSession session, boolean newSession) {

}
