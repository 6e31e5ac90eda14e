package dev.cxp.benchmarks.handwritten;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * The least a hand-written visitor tracker does on a page view: read a visitor cookie (issuing one when
 * it is missing) and count the visit with one {@link ConcurrentHashMap#compute} keyed by it. The load
 * benchmark adds this class, with the starter switched off, through {@code spring.main.sources}: it is the
 * practical limit the starter's cost is compared with.
 *
 * @since 0.2.0
 */
@Configuration(proxyBeanMethods = false)
public class HandWrittenVisitorVariant implements WebMvcConfigurer {

	/**
	 * Name of the cookie that carries the visitor id.
	 */
	public static final String COOKIE = "visitor";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new VisitInterceptor());
	}

	/**
	 * What the map keeps per visitor: the page views and the time of the last one.
	 * @param pageViews the page views so far
	 * @param lastSeenMillis when the last one happened, in epoch milliseconds
	 */
	record Visit(long pageViews, long lastSeenMillis) {

	}

	/**
	 * Counts each page view (a navigation to a controller method) of the visitor the cookie names.
	 */
	static class VisitInterceptor implements HandlerInterceptor {

		private final ConcurrentMap<String, Visit> visits = new ConcurrentHashMap<>();

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (handler instanceof HandlerMethod && "GET".equals(request.getMethod())
					&& "document".equals(request.getHeader("Sec-Fetch-Dest"))) {
				Cookie cookie = WebUtils.getCookie(request, COOKIE);
				String id;
				if (cookie != null && cookie.getValue().length() == 36) {
					id = cookie.getValue();
				}
				else {
					id = UUID.randomUUID().toString();
					response.addHeader(HttpHeaders.SET_COOKIE,
							ResponseCookie.from(COOKIE, id).path("/").httpOnly(true).sameSite("Lax").build().toString());
				}
				long now = System.currentTimeMillis();
				this.visits.compute(id,
						(key, visit) -> (visit != null) ? new Visit(visit.pageViews() + 1, now) : new Visit(1, now));
			}
			return true;
		}

	}

}
