package dev.cxp.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.cxp.internal.session.redis.RedisSessionStoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The start-up failure of {@code cxp.session.store=redis} without a usable Redis, as the application's
 * developer sees it.
 */
class RedisSessionStoreFailureAnalyzerTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CxpRedisSessionStoreAutoConfiguration.class,
				CxpAutoConfiguration.class))
		.withPropertyValues("cxp.session.store=redis");

	@Test
	void analyzerIsRegistered() {
		// Boot's own analyzers need arguments that only a failing application supplies: skip those here.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			})))
			.anyMatch(RedisSessionStoreFailureAnalyzer.class::isInstance);
	}

	@Test
	void withoutSpringDataRedis() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class)).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("cxp.session.store=redis")
				.contains("Spring Data Redis is not on the classpath");
			assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis")
				.contains("cxp.session.store=memory");
		});
	}

	@Test
	void withoutAConnectionFactory() {
		this.contextRunner.run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("No RedisConnectionFactory bean");
			assertThat(analysis.getAction()).contains("spring.data.redis.host");
		});
	}

	@Test
	void withTwoConnectionFactoriesAndNoPrimary() {
		this.contextRunner.withBean("first", RedisConnectionFactory.class, () -> mock(RedisConnectionFactory.class))
			.withBean("second", RedisConnectionFactory.class, () -> mock(RedisConnectionFactory.class))
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("2 RedisConnectionFactory beans");
				assertThat(analysis.getAction()).contains("@Primary");
			});
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(new RedisSessionStoreFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isInstanceOf(BeanCreationException.class)
			.hasRootCauseInstanceOf(RedisSessionStoreUnavailableException.class);
		FailureAnalysis analysis = new RedisSessionStoreFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
