package dev.cxp.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app as it runs by default: Spring Data Redis on the classpath, but sessions in memory and no
 * Redis needed, not even for health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.data.redis.port=1")
class DefaultProfileTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@Autowired
	private VisitorSessionStore store;

	@Test
	void sessionsAreKeptInMemory() {
		assertThat(this.store).isInstanceOf(InMemoryVisitorSessionStore.class);
	}

	@Test
	void pagesAndHealthNeedNoRedis() throws Exception {
		SampleHttp http = SampleHttp.to(this.context);
		assertThat(http.page("/", "0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/health", "application/json", null).statusCode()).isEqualTo(200);
	}

}
