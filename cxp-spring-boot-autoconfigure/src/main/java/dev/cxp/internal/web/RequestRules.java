package dev.cxp.internal.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The rules that tell, whatever the web stack, which requests the starter leaves alone and which are page views:
 * paths left alone (the starter's own base path, Actuator's, the error page), paths never tracked
 * ({@code cxp.tracking.exclude-patterns}), and what a navigation is ({@code Sec-Fetch-Dest: document}, or without
 * that header an {@code Accept} naming {@code text/html}). Which handler answers a request is the web stack's to
 * tell.
 */
public final class RequestRules {

	private static final String SEC_FETCH_DEST = "Sec-Fetch-Dest";

	// Arrays rather than lists: iterating a list allocates an iterator on every request
	private final PathPattern[] ignoredPaths;

	private final PathPattern[] untrackedPaths;

	/**
	 * Create the rules.
	 * @param ignoredPaths patterns of paths the starter leaves alone, such as its own base path and Actuator's
	 * @param untrackedPaths patterns of paths that are never page views
	 */
	public RequestRules(List<String> ignoredPaths, List<String> untrackedPaths) {
		this.ignoredPaths = parse(ignoredPaths);
		this.untrackedPaths = parse(untrackedPaths);
	}

	private static PathPattern[] parse(List<String> patterns) {
		return patterns.stream().map(PathPatternParser.defaultInstance::parse).toArray(PathPattern[]::new);
	}

	/**
	 * Whether the starter leaves a path alone.
	 * @param path the path within the application
	 * @return {@code true} for the starter's own endpoints, Actuator's and the error page
	 */
	public boolean isIgnored(PathContainer path) {
		return matchesAny(this.ignoredPaths, path);
	}

	/**
	 * Whether a request the application handles is a page view.
	 * @param method the request's method
	 * @param secFetchDest the request's {@code Sec-Fetch-Dest} header
	 * @param accept the request's {@code Accept} header
	 * @param path the path within the application
	 * @return {@code true} for a {@code GET} navigation outside the untracked paths
	 */
	public boolean isPageView(String method, @Nullable String secFetchDest, @Nullable String accept,
			PathContainer path) {
		return "GET".equals(method) && isNavigation(secFetchDest, accept) && !matchesAny(this.untrackedPaths, path);
	}

	/**
	 * The name of the header that tells what a request fetches.
	 * @return {@code Sec-Fetch-Dest}
	 */
	public static String secFetchDestHeader() {
		return SEC_FETCH_DEST;
	}

	private static boolean isNavigation(@Nullable String destination, @Nullable String accept) {
		if (destination != null) {
			return "document".equalsIgnoreCase(destination);
		}
		return accept != null && containsIgnoreCase(accept, "text/html");
	}

	private static boolean containsIgnoreCase(String value, String part) {
		int last = value.length() - part.length();
		for (int i = 0; i <= last; i++) {
			if (value.regionMatches(true, i, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesAny(PathPattern[] patterns, PathContainer path) {
		for (PathPattern pattern : patterns) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

}
