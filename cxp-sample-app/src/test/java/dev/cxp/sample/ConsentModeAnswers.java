package dev.cxp.sample;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tests' own filter in front of the consent endpoint: switched on, it takes the member
 * {@code "googleConsentMode"} out of the answers of {@code PUT /cxp/consent}, as a server without Google Consent
 * Mode answers. Switched off, every answer goes through untouched.
 */
final class ConsentModeAnswers extends OncePerRequestFilter {

	private static final JsonMapper json = JsonMapper.builder().build();

	private volatile boolean removing;

	/**
	 * Whether to take the member out of the answers.
	 * @param removing {@code false} to let every answer through untouched
	 */
	void removing(boolean removing) {
		this.removing = removing;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.removing || !"PUT".equals(request.getMethod()) || !request.getRequestURI().equals("/cxp/consent");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, answer);
		if (answer.getStatus() == HttpServletResponse.SC_OK) {
			JsonNode consent = json.readTree(answer.getContentAsByteArray());
			if (consent instanceof ObjectNode object && object.remove("googleConsentMode") != null) {
				answer.resetBuffer();
				answer.getOutputStream().write(json.writeValueAsBytes(object));
			}
		}
		answer.copyBodyToResponse();
	}

	/**
	 * Puts the filter in front of everything else.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		ConsentModeAnswers consentModeAnswers() {
			return new ConsentModeAnswers();
		}

		@Bean
		FilterRegistrationBean<ConsentModeAnswers> consentModeAnswersRegistration(ConsentModeAnswers answers) {
			FilterRegistrationBean<ConsentModeAnswers> registration = new FilterRegistrationBean<>(answers);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
