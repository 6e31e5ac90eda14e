package dev.cxp.benchmarks.request;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.web.context.reactive.AnnotationConfigReactiveWebApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import dev.cxp.autoconfigure.CxpAutoConfiguration;
import dev.cxp.autoconfigure.CxpEndpointAutoConfiguration;
import dev.cxp.autoconfigure.CxpMetricsAutoConfiguration;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.internal.web.reactive.VisitorIdentityWebFilter;
import dev.cxp.visitor.CxpVisitor;

/**
 * The starter's request path on WebFlux for a returning visitor, the figure to set beside
 * {@link RequestPathBenchmark#returningVisitor}: the {@code WebFilter} as a WebFlux application gets it (the
 * lookup of the controller method that will handle the request, the consent policy, the cookies, the session
 * tracker on the in-memory store, the page-view event and the meters), subscribed to on the calling thread. Each
 * invocation takes a new exchange over the same request, since an exchange keeps the attributes and cookies of
 * its one request, with the codecs, session manager and locale resolver shared as a server shares them (a mock
 * exchange would build its codecs, Jackson's among them, on every request) and a response as cheap as a
 * server's ({@link RecordingServerResponse}); that allocation is part of the
 * figure, and is what a server does too.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Reactor's operator chain is compiled later than the servlet path: five warm-up seconds still measure the interpreter
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ReactiveRequestPathBenchmark {

	private static final WebFilterChain HANDLER = (exchange) -> Mono.empty();

	/**
	 * A consenting visitor (consent not required, none given) who has an id cookie and a live session.
	 * @param starter the starter with default settings, in a WebFlux application
	 * @param visitor the visitor's request
	 * @return the visitor the starter exposed, so the work is not eliminated
	 */
	@Benchmark
	public Object returningVisitor(ReactiveStarter starter, ReturningVisitor visitor) {
		return run(starter, visitor.request);
	}

	private static CxpVisitor run(ReactiveStarter starter, MockServerHttpRequest request) {
		ServerWebExchange exchange = starter.exchange(request);
		starter.filter.filter(exchange, HANDLER).block();
		CxpVisitor visitor = exchange.getAttribute(CxpVisitor.ATTRIBUTE);
		if (visitor == null) {
			throw new IllegalStateException("The request was not processed");
		}
		return visitor;
	}

	/**
	 * The starter with its default settings in a WebFlux application with Actuator and a meter registry.
	 */
	@State(Scope.Benchmark)
	public static class ReactiveStarter {

		AnnotationConfigReactiveWebApplicationContext context;

		VisitorIdentityWebFilter filter;

		private final ServerCodecConfigurer codecs = ServerCodecConfigurer.create();

		private final WebSessionManager sessions = new DefaultWebSessionManager();

		private final LocaleContextResolver locales = new AcceptHeaderLocaleContextResolver();

		ServerWebExchange exchange(MockServerHttpRequest request) {
			return new DefaultServerWebExchange(request, new RecordingServerResponse(), this.sessions, this.codecs,
					this.locales);
		}

		/**
		 * Start the context.
		 */
		@Setup(Level.Trial)
		public void start() {
			this.context = new AnnotationConfigReactiveWebApplicationContext();
			this.context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("benchmark",
						Map.of("management.endpoints.web.exposure.include", "cxp")));
			this.context.register(Wiring.class);
			this.context.refresh();
			this.filter = this.context.getBean(VisitorIdentityWebFilter.class);
		}

		/**
		 * Close the context.
		 */
		@TearDown(Level.Trial)
		public void close() {
			this.context.close();
		}

	}

	/**
	 * A returning visitor: an id cookie, a live session started before the measurement.
	 */
	@State(Scope.Thread)
	public static class ReturningVisitor {

		MockServerHttpRequest request;

		/**
		 * Prepare the request and start the visitor's session.
		 * @param starter the starter
		 */
		@Setup(Level.Trial)
		public void prepare(ReactiveStarter starter) {
			String visitorId = new SecureIdGenerator().visitorId();
			this.request = MockServerHttpRequest.get("/about")
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
				.header("Sec-Fetch-Dest", "document")
				.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
				.cookie(new HttpCookie("_mspi", visitorId))
				.build();
			ServerWebExchange first = starter.exchange(this.request);
			starter.filter.filter(first, HANDLER).block();
			CxpVisitor visitor = first.getAttribute(CxpVisitor.ATTRIBUTE);
			if (visitor == null || visitor.session() == null || !first.getResponse().getCookies().isEmpty()) {
				throw new IllegalStateException("A returning visitor must be tracked and not be sent a cookie");
			}
		}

	}

	/**
	 * What a WebFlux application with Actuator and Micrometer gets: WebFlux's annotated controllers, the
	 * starter's auto-configurations and a meter registry.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	@ImportAutoConfiguration({ CxpAutoConfiguration.class, CxpMetricsAutoConfiguration.class,
			CxpEndpointAutoConfiguration.class })
	static class Wiring {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Pages pages() {
			return new Pages();
		}

	}

	/**
	 * A controller like the sample app's.
	 */
	@RestController
	public static class Pages {

		/**
		 * A page.
		 * @param visitor the current visitor
		 * @return the page
		 */
		@GetMapping("/about")
		public String about(CxpVisitor visitor) {
			return "about";
		}

	}

}
