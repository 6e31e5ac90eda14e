package dev.cxp.internal.web.servlet;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides what the starter does with a request: leave it alone, identify the visitor only, or also track
 * it as a page view. Requests that no controller method handles, and {@code OPTIONS} requests (CORS
 * preflights), are left alone: they neither issue a visitor id nor count as a consent decision. A page view is a {@code GET} handled by a controller method that is a navigation
 * ({@code Sec-Fetch-Dest: document}, or without that header an {@code Accept} naming {@code text/html}),
 * outside the excluded paths. A {@code fetch()} or XHR call is not a page view.
 */
public class RequestClassifier {

	/**
	 * What to do with a request.
	 */
	public enum Classification {

		/**
		 * Leave it alone: no cookie, no tracking (static resources and other handlers that are not controller
		 * methods, {@code OPTIONS} requests, error dispatches, Actuator, the starter's own endpoints, which
		 * handle consent themselves).
		 */
		IGNORED,

		/**
		 * Decide consent and keep the visitor id in step with it, without tracking a page view.
		 */
		VISITOR,

		/**
		 * Also track it as a page view.
		 */
		PAGE_VIEW

	}

	private static final String SEC_FETCH_DEST = "Sec-Fetch-Dest";

	// Arrays rather than lists: iterating a list allocates an iterator on every request
	private final PathPattern[] ignoredPaths;

	private final PathPattern[] untrackedPaths;

	/**
	 * Create a classifier.
	 * @param ignoredPaths patterns of paths the starter leaves alone, such as its own base path and
	 * Actuator's
	 * @param untrackedPaths patterns of paths that are never page views
	 */
	public RequestClassifier(List<String> ignoredPaths, List<String> untrackedPaths) {
		this.ignoredPaths = parse(ignoredPaths);
		this.untrackedPaths = parse(untrackedPaths);
	}

	private static PathPattern[] parse(List<String> patterns) {
		return patterns.stream().map(PathPatternParser.defaultInstance::parse).toArray(PathPattern[]::new);
	}

	/**
	 * Classify a request.
	 * @param request the request
	 * @param handler the handler chosen for it
	 * @return what to do with it
	 */
	public Classification classify(HttpServletRequest request, Object handler) {
		// Only requests a controller method answers are visits: not static resources, view controllers,
		// functional endpoints or CORS preflights, which a browser sends without the visitor asking for anything
		if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod)
				|| "OPTIONS".equals(request.getMethod())) {
			return Classification.IGNORED;
		}
		PathContainer path = pathWithinApplication(request);
		if (matchesAny(this.ignoredPaths, path)) {
			return Classification.IGNORED;
		}
		boolean pageView = "GET".equals(request.getMethod())
				&& isNavigation(request) && !matchesAny(this.untrackedPaths, path);
		return pageView ? Classification.PAGE_VIEW : Classification.VISITOR;
	}

	private static boolean isNavigation(HttpServletRequest request) {
		String destination = request.getHeader(SEC_FETCH_DEST);
		if (destination != null) {
			return "document".equalsIgnoreCase(destination);
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
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

	private static PathContainer pathWithinApplication(HttpServletRequest request) {
		if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
		}
		return RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
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
