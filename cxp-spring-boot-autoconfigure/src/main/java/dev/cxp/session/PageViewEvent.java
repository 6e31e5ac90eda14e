package dev.cxp.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published as a Spring application event for each page view of a consenting visitor; listen with
 * {@code @EventListener}. Never published without consent.
 *
 * @param visitorId the visitor id
 * @param sessionId the id of the visit session the page view belongs to
 * @param page the page viewed (path, and query string only when {@code cxp.session.record-query-string} is on)
 * @param previousPage the page viewed before it in the same session, {@code null} on a session's first page
 * @param newSession whether this page view started the session
 * @param timestamp when the page was viewed
 * @since 0.1.0
 */
public record PageViewEvent(String visitorId, String sessionId, String page, @Nullable String previousPage,
		boolean newSession, Instant timestamp) {

}
