package dev.cxp.internal.web.servlet;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.cxp.visitor.CxpVisitor;

/**
 * Resolves controller method arguments of type {@link CxpVisitor} to the current visitor, or to
 * {@link CxpVisitor#unknown()} when the starter did not look at the request (for instance when it is
 * switched off), so that such controllers keep working.
 */
public class CxpVisitorArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return CxpVisitor.class == parameter.getParameterType();
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Object visitor = webRequest.getAttribute(CxpVisitor.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		return (visitor instanceof CxpVisitor cxpVisitor) ? cxpVisitor : CxpVisitor.unknown();
	}

}
