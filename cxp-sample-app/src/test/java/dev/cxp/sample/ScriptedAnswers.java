package dev.cxp.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The tests' own filter in front of the starter's endpoints, for what a real network does now and then: it
 * holds the next answer of {@code GET /cxp/visitor} after the server made it (a slow answer that lands
 * late), answers {@code /cxp/visitor} with something other than its JSON (a login page after a redirect, a
 * proxy's error page), or fails the choices sent to {@code PUT /cxp/consent}. Otherwise every request goes
 * through untouched.
 */
final class ScriptedAnswers extends OncePerRequestFilter {

	private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

	private final AtomicReference<@Nullable Hold> nextHold = new AtomicReference<>();

	private volatile @Nullable Answer visitorAnswer;

	private volatile boolean failChoices;

	/**
	 * Hold the next answer of {@code GET /cxp/visitor}, once the server has made it, until released.
	 * @return the hold
	 */
	Hold holdNextVisitorAnswer() {
		Hold hold = new Hold();
		this.nextHold.set(hold);
		return hold;
	}

	/**
	 * Answer every {@code GET /cxp/visitor} with this instead of asking the server.
	 * @param status the status
	 * @param contentType the content type
	 * @param body the body
	 */
	void answerVisitor(int status, String contentType, String body) {
		this.visitorAnswer = new Answer(status, contentType, body);
	}

	/**
	 * Answer every {@code PUT /cxp/consent} with a proxy's error page instead of recording the choice.
	 * @param fail whether to fail them
	 */
	void failChoices(boolean fail) {
		this.failChoices = fail;
	}

	/**
	 * Let every request through again.
	 */
	void reset() {
		Hold hold = this.nextHold.getAndSet(null);
		if (hold != null) {
			hold.release();
		}
		this.visitorAnswer = null;
		this.failChoices = false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (this.failChoices && "PUT".equals(request.getMethod()) && path.equals("/cxp/consent")) {
			new Answer(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>").writeTo(response);
			return;
		}
		if ("GET".equals(request.getMethod()) && path.equals("/cxp/visitor")) {
			Answer answer = this.visitorAnswer;
			if (answer != null) {
				answer.writeTo(response);
				return;
			}
			Hold hold = this.nextHold.getAndSet(null);
			if (hold != null) {
				holdAnswer(request, response, chain, hold);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void holdAnswer(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Hold hold)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, held);
		hold.made(new String(held.getContentAsByteArray(), StandardCharsets.UTF_8));
		hold.awaitRelease();
		held.copyBodyToResponse();
	}

	/**
	 * One held answer.
	 */
	static final class Hold {

		private final CountDownLatch made = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		private volatile @Nullable String body;

		/**
		 * Wait until the server has made the answer.
		 * @return the answer's body
		 * @throws InterruptedException when interrupted
		 */
		String awaitMade() throws InterruptedException {
			if (!this.made.await(LONGEST_HOLD.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("No GET /cxp/visitor arrived within " + LONGEST_HOLD);
			}
			return this.body;
		}

		/**
		 * Let the answer go to the browser.
		 */
		void release() {
			this.released.countDown();
		}

		private void made(String body) {
			this.body = body;
			this.made.countDown();
		}

		private void awaitRelease() {
			try {
				// Bounded, so that a failing test never leaves a request thread waiting
				this.released.await(LONGEST_HOLD.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	private record Answer(int status, String contentType, String body) {

		void writeTo(HttpServletResponse response) throws IOException {
			response.setStatus(this.status);
			response.setContentType(this.contentType);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(this.body);
		}

	}

	/**
	 * Puts the filter in front of everything else.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		ScriptedAnswers scriptedAnswers() {
			return new ScriptedAnswers();
		}

		@Bean
		FilterRegistrationBean<ScriptedAnswers> scriptedAnswersRegistration(ScriptedAnswers answers) {
			FilterRegistrationBean<ScriptedAnswers> registration = new FilterRegistrationBean<>(answers);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
