package dev.cxp.internal.web.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.visitor.CxpExchange;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.SameOriginRequests;
import dev.cxp.visitor.CxpVisitor;

/**
 * Servlet requests as the starter's stack-neutral code takes them, for tests that drive it with mock requests.
 */
public final class TestExchanges {

	private TestExchanges() {
	}

	/**
	 * A request's view, reading its cookies afresh (a test may change them between calls).
	 * @param request the request
	 * @return its view
	 */
	public static ConsentRequest consentRequest(HttpServletRequest request) {
		request.removeAttribute(ServletConsentRequest.class.getName());
		return ServletConsentRequest.of(request);
	}

	/**
	 * A request and a response of its own that the test does not look at.
	 * @param request the request
	 * @return the exchange
	 */
	public static CxpExchange exchange(HttpServletRequest request) {
		return exchange(request, new MockHttpServletResponse());
	}

	/**
	 * A request and its response, reading the request's cookies afresh.
	 * @param request the request
	 * @param response the response
	 * @return the exchange
	 */
	public static CxpExchange exchange(HttpServletRequest request, HttpServletResponse response) {
		request.removeAttribute(ServletConsentRequest.class.getName());
		return new ServletExchange(request, response);
	}

	/**
	 * Run the request path as the interceptor does.
	 * @param path the request path
	 * @param request the request
	 * @param response its response
	 * @param pageView whether the request is a page view to track
	 * @return the visitor
	 */
	public static CxpVisitor process(VisitorRequestPath path, HttpServletRequest request, HttpServletResponse response,
			boolean pageView) {
		RequestedPage page = pageView
				? new RequestedPage(request.getContextPath(), request.getRequestURI(), request.getQueryString()) : null;
		return path.process(exchange(request, response), page);
	}

	/**
	 * Whether a request is foreign, as the consent endpoint judges it.
	 * @param request the request
	 * @return {@code true} when another site sent it
	 */
	public static boolean isForeign(HttpServletRequest request) {
		return SameOriginRequests.isForeign(consentRequest(request), request.getScheme(), request.getServerName(),
				request.getServerPort());
	}

}
