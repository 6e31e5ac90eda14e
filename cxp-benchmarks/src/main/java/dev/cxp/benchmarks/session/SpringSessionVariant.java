package dev.cxp.benchmarks.session;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Work comparable to the starter's, done the common way with Spring Session: its filter keeps a session id
 * cookie, its in-memory {@link MapSessionRepository} holds the sessions (30 minutes idle timeout), and an
 * interceptor records the last page as a session attribute on each page view. The load benchmark adds
 * this class to the user-shaped application, with the starter switched off, through
 * {@code spring.main.sources}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
public class SpringSessionVariant implements WebMvcConfigurer {

	/**
	 * Name of the session attribute that holds the last page viewed.
	 */
	public static final String LAST_PAGE = "lastPage";

	/**
	 * Name of the request attribute that receives the page viewed before this one.
	 */
	public static final String PREVIOUS_PAGE = "previousPage";

	@Bean
	MapSessionRepository sessionRepository() {
		MapSessionRepository repository = new MapSessionRepository(new ConcurrentHashMap<>());
		repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(30));
		return repository;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LastPageInterceptor());
	}

	/**
	 * Records the last page of each page view (a navigation to a controller method) in the session.
	 */
	static class LastPageInterceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (handler instanceof HandlerMethod && "GET".equals(request.getMethod())
					&& "document".equals(request.getHeader("Sec-Fetch-Dest"))) {
				HttpSession session = request.getSession();
				request.setAttribute(PREVIOUS_PAGE, session.getAttribute(LAST_PAGE));
				session.setAttribute(LAST_PAGE, request.getRequestURI());
			}
			return true;
		}

	}

}
