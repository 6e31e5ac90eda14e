package dev.cxp.hostile;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cxp.session.redis.RedisServerExtension;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A withdrawal that carries 150 distinct valid visitor ids (Tomcat accepts 200 cookies) while Redis hangs
 * ({@code SIGSTOP}) answers within about one Redis timeout, over a real server: the starter erases the
 * sessions of the first few ids only, in one round trip, and waits for Redis once, where it once waited the
 * timeout once per id. The response still deletes the cookie.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.session.store=redis", "spring.data.redis.host=127.0.0.1",
				"cxp.session.redis.timeout=" + StalledRedisErasureServerTests.TIMEOUT_MILLIS + "ms" })
class StalledRedisErasureServerTests {

	static final long TIMEOUT_MILLIS = 1000;

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@DynamicPropertySource
	static void redisPort(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", redis::port);
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Test
	void withdrawalCarrying150IdsWhileRedisStallsAnswersWithinAboutOneTimeout() throws Exception {
		redis.command("FLUSHALL");
		RawHttp http = new RawHttp(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(http.get("/", "Accept", "text/html", "Cookie", "_mspi=" + id(i)).statusCode()).isEqualTo(200);
			assertThat(redis.command("HEXISTS " + key(i) + " id")).isEqualTo(":1");
		}
		StringJoiner cookies = new StringJoiner("; ");
		for (int i = 0; i < 150; i++) {
			cookies.add("_mspi=" + id(i));
		}
		double storeErrors = count("cxp.session.store.errors");
		double failedErasures = count("cxp.visitors.erasures.failed");
		HttpResponse<String> response;
		Duration took;
		redis.suspend();
		try {
			long start = System.nanoTime();
			response = http.get("/", "Accept", "text/html", "Sec-GPC", "1", "Cookie", cookies.toString());
			took = Duration.ofNanos(System.nanoTime() - start);
		}
		finally {
			redis.resume();
		}
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> deletions = setCookies(response, "_mspi");
		assertThat(deletions).singleElement().asString().startsWith("_mspi=;").contains("Max-Age=0");
		// One wait of the timeout; one wait per erased id would be four times as long, one per id 150 times
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(TIMEOUT_MILLIS))
			.isLessThan(Duration.ofMillis(2 * TIMEOUT_MILLIS));
		assertThat(count("cxp.session.store.errors")).isEqualTo(storeErrors + 1);
		assertThat(count("cxp.visitors.erasures.failed")).isEqualTo(failedErasures + 1);
		// Sent before the wait, the calls ran once Redis went on: the first four ids only
		for (int i = 0; i < 4; i++) {
			String key = key(i);
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> ":1".equals(redis.command("HEXISTS " + key + " erased")));
			assertThat(redis.command("HEXISTS " + key + " id")).isEqualTo(":0");
		}
		assertThat(redis.command("HEXISTS " + key(4) + " id")).isEqualTo(":1");
		assertThat(redis.command("DBSIZE")).isEqualTo(":5");
	}

	private double count(String name) {
		return this.registry.get(name).functionCounter().count();
	}

	private static String id(int i) {
		return String.format("%032x", i);
	}

	private static String key(int i) {
		return "cxp:session:" + id(i);
	}

}
