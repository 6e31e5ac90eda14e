package dev.cxp.internal.session;

import org.jspecify.annotations.Nullable;

/**
 * The page a request views, as the web stack reports it; {@link PagePaths} works out what is recorded.
 *
 * @param contextPath the application's context path, possibly empty
 * @param requestUri the request URI as requested, path parameters included
 * @param query the query string, if any
 */
public record RequestedPage(String contextPath, String requestUri, @Nullable String query) {

}
