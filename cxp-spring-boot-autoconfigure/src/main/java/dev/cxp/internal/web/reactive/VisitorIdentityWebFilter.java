package dev.cxp.internal.web.reactive;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import dev.cxp.internal.consent.GoogleConsentModes;
import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.web.reactive.ReactiveRequestClassifier.Classification;
import dev.cxp.visitor.CxpVisitor;

/**
 * Runs the starter's request path before the handler of each request a controller method handles: decides
 * consent, keeps the {@code _mspi} visitor id cookie in step with it, tracks page views, and exposes the
 * {@link CxpVisitor} as the exchange attribute {@link CxpVisitor#ATTRIBUTE}, with the Google Consent Mode signals of
 * its consent as {@link CxpVisitor#GOOGLE_CONSENT_MODE_ATTRIBUTE} when they are on. Cookies are added before the
 * handler runs, so they reach the response. Creates no {@code WebSession}.
 */
public class VisitorIdentityWebFilter implements WebFilter {

	private final ReactiveRequestClassifier classifier;

	private final ReactiveVisitorRequestPath requestPath;

	private final @Nullable GoogleConsentModes consentModes;

	/**
	 * Create the filter.
	 * @param classifier decides what to do with each request
	 * @param requestPath the request path
	 * @param consentModes the Google Consent Mode signals a page's template may put on the browser script, as the
	 * exchange attribute {@value CxpVisitor#GOOGLE_CONSENT_MODE_ATTRIBUTE}; {@code null} when they are off
	 */
	public VisitorIdentityWebFilter(ReactiveRequestClassifier classifier, ReactiveVisitorRequestPath requestPath,
			@Nullable GoogleConsentModes consentModes) {
		this.classifier = classifier;
		this.requestPath = requestPath;
		this.consentModes = consentModes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getAttribute(CxpVisitor.ATTRIBUTE) != null) {
			return chain.filter(exchange);
		}
		return this.classifier.classify(exchange)
			.flatMap((classification) -> process(exchange, classification))
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

	private Mono<CxpVisitor> process(ServerWebExchange exchange, Classification classification) {
		if (classification == Classification.IGNORED) {
			return Mono.empty();
		}
		RequestedPage page = (classification == Classification.PAGE_VIEW)
				? ReactiveRequestClassifier.page(exchange.getRequest()) : null;
		return this.requestPath.process(new ReactiveExchange(exchange), page)
			.doOnNext((visitor) -> expose(exchange, visitor));
	}

	private void expose(ServerWebExchange exchange, CxpVisitor visitor) {
		exchange.getAttributes().put(CxpVisitor.ATTRIBUTE, visitor);
		if (this.consentModes != null) {
			exchange.getAttributes()
				.put(CxpVisitor.GOOGLE_CONSENT_MODE_ATTRIBUTE, this.consentModes.json(visitor::consentEffective));
		}
	}

}
