package dev.cxp.internal.web.reactive;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.SyncHandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import dev.cxp.visitor.CxpVisitor;

/**
 * Resolves WebFlux controller method arguments of type {@link CxpVisitor} to the current visitor, or to
 * {@link CxpVisitor#unknown()} when the starter did not look at the request (for instance when it is switched
 * off), so that such controllers keep working.
 */
public class ReactiveCxpVisitorArgumentResolver implements SyncHandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return CxpVisitor.class == parameter.getParameterType();
	}

	@Override
	public Object resolveArgumentValue(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		Object visitor = exchange.getAttribute(CxpVisitor.ATTRIBUTE);
		return (visitor instanceof CxpVisitor cxpVisitor) ? cxpVisitor : CxpVisitor.unknown();
	}

}
