package dev.cxp.internal.web.servlet;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.visitor.CxpVisitor;
import dev.cxp.visitor.CxpVisitorView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpVisitorArgumentResolver}: it takes only {@link CxpVisitor} parameters, and answers the
 * request's visitor, or the unknown visitor when the starter did not look at the request.
 */
class CxpVisitorArgumentResolverTests {

	private final CxpVisitorArgumentResolver resolver = new CxpVisitorArgumentResolver();

	@Test
	void onlyVisitorParametersAreSupported() throws NoSuchMethodException {
		Method handler = Handlers.class.getDeclaredMethod("handle", CxpVisitor.class, CxpVisitorView.class, Object.class,
				String.class);
		assertThat(this.resolver.supportsParameter(new MethodParameter(handler, 0))).isTrue();
		assertThat(this.resolver.supportsParameter(new MethodParameter(handler, 1))).isFalse();
		assertThat(this.resolver.supportsParameter(new MethodParameter(handler, 2))).isFalse();
		assertThat(this.resolver.supportsParameter(new MethodParameter(handler, 3))).isFalse();
	}

	@Test
	void theRequestsVisitorIsResolved() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		CxpVisitor visitor = new CxpVisitor("visitor", ConsentDecision.granted("cookie"), true, null);
		request.setAttribute(CxpVisitor.ATTRIBUTE, visitor);
		assertThat(this.resolver.resolveArgument(parameter(), null, new ServletWebRequest(request), null))
			.isSameAs(visitor);
	}

	@Test
	void withoutAVisitorTheUnknownVisitorIsResolved() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		assertThat(this.resolver.resolveArgument(parameter(), null, new ServletWebRequest(request), null))
			.isSameAs(CxpVisitor.unknown());
		request.setAttribute(CxpVisitor.ATTRIBUTE, "not a visitor");
		assertThat(this.resolver.resolveArgument(parameter(), null, new ServletWebRequest(request), null))
			.isSameAs(CxpVisitor.unknown());
	}

	private static MethodParameter parameter() throws NoSuchMethodException {
		return new MethodParameter(Handlers.class.getDeclaredMethod("handle", CxpVisitor.class, CxpVisitorView.class,
				Object.class, String.class), 0);
	}

	static class Handlers {

		void handle(CxpVisitor visitor, CxpVisitorView view, Object anything, String text) {
		}

	}

}
