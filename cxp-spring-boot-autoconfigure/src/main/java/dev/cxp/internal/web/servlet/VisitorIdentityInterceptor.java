package dev.cxp.internal.web.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.cxp.internal.consent.GoogleConsentModes;
import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.servlet.RequestClassifier.Classification;
import dev.cxp.visitor.CxpVisitor;

/**
 * Runs the starter's request path before each handler: decides consent, keeps the {@code _mspi} visitor
 * id cookie in step with it, tracks page views, and exposes the {@link CxpVisitor} as a request attribute.
 * Cookies are added before the handler writes anything, so they reach the response. Never creates an
 * {@code HttpSession}.
 */
public class VisitorIdentityInterceptor implements HandlerInterceptor {

	private final RequestClassifier classifier;

	private final VisitorRequestPath requestPath;

	private final @Nullable GoogleConsentModes consentModes;

	/**
	 * Create the interceptor.
	 * @param classifier decides what to do with each request
	 * @param requestPath the request path
	 * @param consentModes the Google Consent Mode signals a page's template may put on the browser script, as the
	 * request attribute {@value CxpVisitor#GOOGLE_CONSENT_MODE_ATTRIBUTE}; {@code null} when they are off
	 */
	public VisitorIdentityInterceptor(RequestClassifier classifier, VisitorRequestPath requestPath,
			@Nullable GoogleConsentModes consentModes) {
		this.classifier = classifier;
		this.requestPath = requestPath;
		this.consentModes = consentModes;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getAttribute(CxpVisitor.ATTRIBUTE) != null) {
			return true;
		}
		Classification classification = this.classifier.classify(request, handler);
		if (classification != Classification.IGNORED) {
			RequestedPage page = (classification == Classification.PAGE_VIEW)
					? new RequestedPage(request.getContextPath(), request.getRequestURI(), request.getQueryString()) : null;
			CxpVisitor visitor = this.requestPath.process(new ServletExchange(request, response), page);
			request.setAttribute(CxpVisitor.ATTRIBUTE, visitor);
			if (this.consentModes != null) {
				request.setAttribute(CxpVisitor.GOOGLE_CONSENT_MODE_ATTRIBUTE,
						this.consentModes.json(visitor::consentEffective));
			}
		}
		return true;
	}

}
