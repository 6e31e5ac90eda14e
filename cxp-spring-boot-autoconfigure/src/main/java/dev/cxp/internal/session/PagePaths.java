package dev.cxp.internal.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Turns a request into the page a session records (SPEC S3.3): the path within the application without
 * path parameters such as {@code ;jsessionid=...}, the query string only when asked for, at most
 * {@link #MAX_PAGE_LENGTH} characters. Often viewed pages are shared as one instance between sessions, in a
 * bounded cache whose admission policy lets pages that are viewed again win over junk seen once.
 */
final class PagePaths {

	/**
	 * The longest page recorded; longer ones are cut.
	 */
	static final int MAX_PAGE_LENGTH = 2048;

	/**
	 * How many distinct pages are shared between sessions; a site has few, each held by many sessions.
	 */
	static final int MAX_SHARED_PAGES = 4096;

	/**
	 * The longest page shared between sessions, so the shared pages stay small.
	 */
	static final int MAX_SHARED_PAGE_LENGTH = 256;

	private final boolean recordQueryString;

	private final Cache<String, String> sharedPages = Caffeine.newBuilder()
		.maximumSize(MAX_SHARED_PAGES)
		// Evict on the writing thread: the bound holds as pages are added, without a background pool.
		.executor(Runnable::run)
		.build();

	/**
	 * Create the page normaliser of a tracker.
	 * @param recordQueryString whether pages keep their query string
	 */
	PagePaths(boolean recordQueryString) {
		this.recordQueryString = recordQueryString;
	}

	/**
	 * The page to record for a request.
	 * @param requested the context path as the container reports it, the request URI as requested (not
	 * decoded), and the query string
	 * @return the page, shared with other sessions when often viewed
	 */
	String page(RequestedPage requested) {
		String path = pathWithinApplication(requested.contextPath(), requested.requestUri());
		String query = requested.query();
		String page = (this.recordQueryString && query != null && !query.isEmpty()) ? path + '?' + query : path;
		return shared((page.length() > MAX_PAGE_LENGTH) ? page.substring(0, MAX_PAGE_LENGTH) : page);
	}

	/**
	 * The path within the application, without path parameters on any segment.
	 * @param contextPath the context path, possibly empty, possibly with path parameters of its own
	 * @param requestUri the request URI
	 * @return the path, starting with {@code /}
	 */
	static String pathWithinApplication(String contextPath, String requestUri) {
		String path = withoutPathParameters(requestUri);
		if (contextPath.isEmpty()) {
			return path.isEmpty() ? "/" : path;
		}
		String context = withoutPathParameters(contextPath);
		if (path.startsWith(context) && (path.length() == context.length() || path.charAt(context.length()) == '/')) {
			return (path.length() == context.length()) ? "/" : path.substring(context.length());
		}
		return path.isEmpty() ? "/" : path;
	}

	/**
	 * The path without the parameters of its segments ({@code /a;x=1/b;jsessionid=2} becomes {@code /a/b}).
	 * @param path a path as requested
	 * @return the same instance when it has no parameters, else the path without them
	 */
	static String withoutPathParameters(String path) {
		int semicolon = path.indexOf(';');
		if (semicolon < 0) {
			return path;
		}
		StringBuilder stripped = new StringBuilder(path.length());
		int from = 0;
		while (semicolon >= 0) {
			stripped.append(path, from, semicolon);
			int slash = path.indexOf('/', semicolon);
			if (slash < 0) {
				return stripped.toString();
			}
			from = slash;
			semicolon = path.indexOf(';', slash);
		}
		return stripped.append(path, from, path.length()).toString();
	}

	/**
	 * The one instance of an often viewed page: each request brings its own copy of the path, and an
	 * in-memory store would otherwise keep one per session for the current and the previous page.
	 */
	String shared(String page) {
		String shared = this.sharedPages.getIfPresent(page);
		if (shared != null) {
			return shared;
		}
		if (page.length() > MAX_SHARED_PAGE_LENGTH) {
			return page;
		}
		shared = this.sharedPages.asMap().putIfAbsent(page, page);
		return (shared != null) ? shared : page;
	}

	/**
	 * How many pages are shared now.
	 * @return the number of shared pages
	 */
	long sharedPages() {
		return this.sharedPages.estimatedSize();
	}

}
