package dev.cxp.internal.web.reactive;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.cxp.internal.session.RequestedPage;
import dev.cxp.internal.web.RequestRules;

/**
 * Decides what the starter does with a request of a WebFlux application, by the rules of Spring MVC: leave it
 * alone, identify the visitor only, or also track it as a page view. In WebFlux, filters run before the handler is
 * chosen, so the classifier asks the application's {@link RequestMappingHandlerMapping} which controller method
 * will handle the request, as the dispatcher is about to: only requests an annotated controller method handles are
 * visits, not static resources, functional endpoints, error handling or CORS preflights. A page view is a
 * {@code GET} navigation outside the excluded paths.
 */
public class ReactiveRequestClassifier {

	/**
	 * What to do with a request.
	 */
	public enum Classification {

		/**
		 * Leave it alone: no cookie, no tracking.
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

	private static final Mono<Classification> IGNORED = Mono.just(Classification.IGNORED);

	private static final Mono<Classification> VISITOR = Mono.just(Classification.VISITOR);

	private static final Mono<Classification> PAGE_VIEW = Mono.just(Classification.PAGE_VIEW);

	private final RequestRules rules;

	private final Supplier<@Nullable RequestMappingHandlerMapping> handlerMapping;

	/**
	 * Create a classifier.
	 * @param rules the paths left alone or never tracked, and what a navigation is
	 * @param handlerMapping the application's mapping of annotated controller methods, when it has one
	 */
	public ReactiveRequestClassifier(RequestRules rules, Supplier<@Nullable RequestMappingHandlerMapping> handlerMapping) {
		this.rules = rules;
		this.handlerMapping = handlerMapping;
	}

	/**
	 * Classify a request.
	 * @param exchange the exchange
	 * @return what to do with it
	 */
	public Mono<Classification> classify(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (HttpMethod.OPTIONS.equals(request.getMethod())) {
			return IGNORED;
		}
		PathContainer path = request.getPath().pathWithinApplication();
		if (this.rules.isIgnored(path)) {
			return IGNORED;
		}
		RequestMappingHandlerMapping mapping = this.handlerMapping.get();
		if (mapping == null) {
			return IGNORED;
		}
		return mapping.getHandlerInternal(exchange)
			.flatMap((handler) -> (handler instanceof HandlerMethod) ? classifyHandled(request, path) : IGNORED)
			// No match, or one the dispatcher will refuse (405, 406, 415): no controller method runs
			.onErrorResume((ex) -> IGNORED)
			.defaultIfEmpty(Classification.IGNORED);
	}

	/**
	 * Classify a request that is being handled, as a gateway's route handles it: only the rules of the paths and
	 * of navigations apply.
	 * @param request the request
	 * @return what to do with it
	 */
	public Classification classifyRouted(ServerHttpRequest request) {
		if (HttpMethod.OPTIONS.equals(request.getMethod())) {
			return Classification.IGNORED;
		}
		PathContainer path = request.getPath().pathWithinApplication();
		if (this.rules.isIgnored(path)) {
			return Classification.IGNORED;
		}
		return isPageView(request, path) ? Classification.PAGE_VIEW : Classification.VISITOR;
	}

	private Mono<Classification> classifyHandled(ServerHttpRequest request, PathContainer path) {
		return isPageView(request, path) ? PAGE_VIEW : VISITOR;
	}

	private boolean isPageView(ServerHttpRequest request, PathContainer path) {
		HttpHeaders headers = request.getHeaders();
		return this.rules.isPageView(request.getMethod().name(), headers.getFirst(RequestRules.secFetchDestHeader()),
				headers.getFirst(HttpHeaders.ACCEPT), path);
	}

	/**
	 * The page a request views, as {@link dev.cxp.internal.session.PagePaths} works out what is recorded.
	 * @param request the request
	 * @return the page
	 */
	public static RequestedPage page(ServerHttpRequest request) {
		return new RequestedPage(request.getPath().contextPath().value(), request.getURI().getRawPath(),
				request.getURI().getRawQuery());
	}

}
