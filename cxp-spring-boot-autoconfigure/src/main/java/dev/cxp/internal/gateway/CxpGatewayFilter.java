package dev.cxp.internal.gateway;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.web.reactive.ReactiveExchange;
import dev.cxp.internal.web.reactive.ReactiveRequestClassifier;
import dev.cxp.internal.web.reactive.ReactiveRequestClassifier.Classification;
import dev.cxp.internal.web.reactive.ReactiveVisitorRequestPath;
import dev.cxp.visitor.CxpVisitor;

/**
 * Runs the starter's request path for each request a Spring Cloud Gateway routes: decides consent, keeps the
 * {@code _mspi} visitor id cookie in step with it, and tracks routed navigations as page views, by the rules of
 * the application's own pages. Before routing, it always removes the client's copies of {@value #VISITOR_ID_HEADER}
 * and {@value #CONSENT_HEADER}, so that a service behind the gateway can trust them; when forwarding is on, it then
 * adds the gateway's own: the visitor id only with effective consent, and the effective state of every configured
 * purpose, such as {@code analytics=granted,ads=denied}. Without a request path (the starter switched off) it only
 * removes the client's copies.
 */
public class CxpGatewayFilter implements GlobalFilter, Ordered {

	/**
	 * The request header that tells a service behind the gateway the visitor id, with effective consent only.
	 */
	public static final String VISITOR_ID_HEADER = "X-CXP-Visitor-Id";

	/**
	 * The request header that tells a service behind the gateway the effective state of every purpose.
	 */
	public static final String CONSENT_HEADER = "X-CXP-Consent";

	/**
	 * Early among the gateway's filters, so that the route's own filters and the routing see the headers as this
	 * filter leaves them.
	 */
	public static final int ORDER = 0;

	private final @Nullable ReactiveVisitorRequestPath requestPath;

	private final @Nullable ReactiveRequestClassifier classifier;

	private final List<String> purposes;

	private final boolean forwardHeaders;

	/**
	 * Create the filter.
	 * @param requestPath the request path, {@code null} to only remove the client's copies of the headers
	 * @param classifier tells routed page views from other routed requests; {@code null} without a request path
	 * @param purposes the configured purposes, in order
	 * @param forwardHeaders whether to add the visitor id and consent headers to routed requests
	 */
	public CxpGatewayFilter(@Nullable ReactiveVisitorRequestPath requestPath,
			@Nullable ReactiveRequestClassifier classifier, List<String> purposes, boolean forwardHeaders) {
		this.requestPath = requestPath;
		this.classifier = classifier;
		this.purposes = List.copyOf(purposes);
		this.forwardHeaders = forwardHeaders;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ReactiveVisitorRequestPath requestPath = this.requestPath;
		ReactiveRequestClassifier classifier = this.classifier;
		if (requestPath == null || classifier == null) {
			return chain.filter(withHeaders(exchange, null));
		}
		Classification classification = classifier.classifyRouted(exchange.getRequest());
		if (classification == Classification.IGNORED) {
			return chain.filter(withHeaders(exchange, null));
		}
		RequestedPage page = (classification == Classification.PAGE_VIEW)
				? ReactiveRequestClassifier.page(exchange.getRequest()) : null;
		// Consent is decided on the request as the client sent it: a consent header it sends is one of the signals
		return requestPath.process(new ReactiveExchange(exchange), page).flatMap((visitor) -> {
			exchange.getAttributes().put(CxpVisitor.ATTRIBUTE, visitor);
			return chain.filter(withHeaders(exchange, this.forwardHeaders ? visitor : null));
		});
	}

	private ServerWebExchange withHeaders(ServerWebExchange exchange, @Nullable CxpVisitor visitor) {
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> {
			headers.remove(VISITOR_ID_HEADER);
			headers.remove(CONSENT_HEADER);
			if (visitor != null) {
				forward(headers, visitor);
			}
		}).build();
		return exchange.mutate().request(request).build();
	}

	private void forward(HttpHeaders headers, CxpVisitor visitor) {
		String visitorId = visitor.visitorId();
		if (visitor.consentEffective() && visitorId != null) {
			headers.set(VISITOR_ID_HEADER, visitorId);
		}
		StringBuilder consent = new StringBuilder();
		for (String purpose : this.purposes) {
			if (!consent.isEmpty()) {
				consent.append(',');
			}
			consent.append(purpose).append('=').append(visitor.consentEffective(purpose) ? "granted" : "denied");
		}
		headers.set(CONSENT_HEADER, consent.toString());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
