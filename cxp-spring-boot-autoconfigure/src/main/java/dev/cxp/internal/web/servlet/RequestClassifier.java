package dev.cxp.internal.web.servlet;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;

import dev.cxp.internal.web.RequestRules;

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

	private final RequestRules rules;

	/**
	 * Create a classifier.
	 * @param ignoredPaths patterns of paths the starter leaves alone, such as its own base path and
	 * Actuator's
	 * @param untrackedPaths patterns of paths that are never page views
	 */
	public RequestClassifier(List<String> ignoredPaths, List<String> untrackedPaths) {
		this.rules = new RequestRules(ignoredPaths, untrackedPaths);
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
		if (this.rules.isIgnored(path)) {
			return Classification.IGNORED;
		}
		boolean pageView = this.rules.isPageView(request.getMethod(),
				request.getHeader(RequestRules.secFetchDestHeader()), request.getHeader(HttpHeaders.ACCEPT), path);
		return pageView ? Classification.PAGE_VIEW : Classification.VISITOR;
	}

	private static PathContainer pathWithinApplication(HttpServletRequest request) {
		if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
		}
		return RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
	}

}
