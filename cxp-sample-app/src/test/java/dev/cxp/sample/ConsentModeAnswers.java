package dev.cxp.sample;

import java.io.IOException;
import java.util.List;
import java.util.Map;

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
 * The tests' own filter in front of the consent endpoint: it gives the answer of {@code PUT /cxp/consent} the
 * member {@code "googleConsentMode"} where the server does not write one, as the server will (SPEC S14.4):
 * {@code analytics_storage} from the purpose {@code analytics}, {@code ad_storage}, {@code ad_user_data} and
 * {@code ad_personalization} from {@code ads}, {@code granted} where the purpose is granted and {@code denied}
 * otherwise. Switched off, every answer goes through untouched.
 */
final class ConsentModeAnswers extends OncePerRequestFilter {

	private static final Map<String, String> TYPES = Map.of("analytics_storage", "analytics", "ad_storage", "ads",
			"ad_user_data", "ads", "ad_personalization", "ads");

	private static final JsonMapper json = JsonMapper.builder().build();

	private volatile boolean adding = true;

	/**
	 * Whether to add the member to answers that lack it.
	 * @param adding {@code false} to let every answer through untouched
	 */
	void adding(boolean adding) {
		this.adding = adding;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.adding || !"PUT".equals(request.getMethod()) || !request.getRequestURI().equals("/cxp/consent");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, answer);
		if (answer.getStatus() == HttpServletResponse.SC_OK) {
			JsonNode consent = json.readTree(answer.getContentAsByteArray());
			if (consent instanceof ObjectNode object && !object.has("googleConsentMode")) {
				ObjectNode types = object.putObject("googleConsentMode");
				for (String type : List.of("analytics_storage", "ad_storage", "ad_user_data", "ad_personalization")) {
					JsonNode state = object.path("purposes").path(TYPES.get(type));
					types.put(type, "GRANTED".equals(state.asString("")) ? "granted" : "denied");
				}
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
