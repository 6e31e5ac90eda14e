package dev.cxp.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.session.redis.RedisVisitorSessionStore;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.session.redis.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app's {@code redis} profile against a real Redis: instances that share visit sessions, and
 * pages that are served while Redis is down.
 */
class RedisProfileTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final String VISITOR = "0123456789abcdef0123456789abcdef";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void secondInstanceReportsThePageViewedOnTheFirstAsPrevious() throws Exception {
		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			assertThat(first.getBean(VisitorSessionStore.class)).isInstanceOf(RedisVisitorSessionStore.class);
			SampleHttp one = SampleHttp.to(first);
			SampleHttp two = SampleHttp.to(second);
			assertThat(one.page("/", VISITOR).statusCode()).isEqualTo(200);
			HttpResponse<String> about = two.page("/about", VISITOR);
			assertThat(about.statusCode()).isEqualTo(200);
			assertThat(about.body()).contains("id=\"cxp-previous-page\">/</dd>");
			JsonNode session = visitorSession(two);
			assertThat(session.get("previousPage").asString()).isEqualTo("/");
			assertThat(visitorSession(one).get("id").asString()).isEqualTo(session.get("id").asString());
		}
	}

	@Test
	void pagesAreServedWhileRedisIsDownAndTrackingResumesWhenItIsBack() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			CxpActivity listener = app.getBean(CxpActivity.class);
			SampleHttp http = SampleHttp.to(app);
			AtomicBoolean stop = new AtomicBoolean();
			ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
			AtomicReference<Throwable> clientFailure = new AtomicReference<>();
			List<Thread> load = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String visitor = String.format("%032x", i + 1);
				Thread thread = new Thread(() -> {
					// Bounded, in case the test's own waits fail.
					for (int n = 0; n < 100_000 && !stop.get(); n++) {
						try {
							int status = http.page("/", visitor).statusCode();
							statuses.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
						}
						catch (Exception ex) {
							clientFailure.compareAndSet(null, ex);
							return;
						}
					}
				});
				thread.start();
				load.add(thread);
			}
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> listener.pageViews() >= 20);
				redis.stop();
				await().atMost(Duration.ofSeconds(30)).until(() -> listener.storeErrors() >= 20);
				HttpResponse<String> health = http.get("/actuator/health", "application/json", null);
				assertThat(health.statusCode()).as("health while Redis is down").isEqualTo(200);
				redis.start();
				long pageViewsBefore = listener.pageViews();
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> listener.pageViews() > pageViewsBefore + 10);
				// A page view may still meet Redis's 100 ms timeout on a loaded machine: ask until one is tracked
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
					assertThat(http.page("/about", VISITOR).statusCode()).isEqualTo(200);
					assertThat(visitorSession(http).get("id").asString()).isNotEmpty();
				});
			}
			finally {
				stop.set(true);
				for (Thread thread : load) {
					thread.join(30_000);
				}
			}
			assertThat(clientFailure.get()).isNull();
			assertThat(statuses.keySet()).as("statuses served under load").containsOnly(200);
			assertThat(listener.storeErrors()).isGreaterThanOrEqualTo(20);
		}
	}

	private JsonNode visitorSession(SampleHttp http) throws Exception {
		HttpResponse<String> response = http.get("/api/visitor", "application/json", VISITOR);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode session = json.readTree(response.body()).get("session");
		assertThat(session.isNull()).as("session in %s", response.body()).isFalse();
		return session;
	}

	private ConfigurableApplicationContext start(Class<?>... extraSources) {
		List<Class<?>> sources = new ArrayList<>(List.of(SampleApplication.class));
		sources.addAll(List.of(extraSources));
		// Arguments, since they outrank the profile's own Redis address.
		return new SpringApplicationBuilder(sources.toArray(new Class<?>[0])).profiles("redis")
			.run("--server.port=0", "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port());
	}

}
