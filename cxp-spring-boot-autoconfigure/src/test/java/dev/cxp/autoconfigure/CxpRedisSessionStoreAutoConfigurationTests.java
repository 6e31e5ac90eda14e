package dev.cxp.autoconfigure;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.internal.session.redis.RedisVisitorSessionStore;
import dev.cxp.internal.session.redis.SessionStoreRedisConnections;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link CxpRedisSessionStoreAutoConfiguration}. No Redis is needed: connections are made lazily.
 */
class CxpRedisSessionStoreAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				CxpRedisSessionStoreAutoConfiguration.class, CxpAutoConfiguration.class));

	@Test
	void redisStoreWhenConnectionFactoryExistsAndStoreIsNotSet() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(VisitorSessionStore.class);
			assertThat(context).getBean(VisitorSessionStore.class).isInstanceOf(RedisVisitorSessionStore.class);
		});
	}

	@Test
	void redisStoreWhenChosenExplicitly() {
		this.contextRunner.withPropertyValues("cxp.session.store=redis")
			.run((context) -> assertThat(context).getBean(VisitorSessionStore.class)
				.isInstanceOf(RedisVisitorSessionStore.class));
	}

	@Test
	void memoryStoreWhenChosenEvenThoughRedisIsPresent() {
		this.contextRunner.withPropertyValues("cxp.session.store=memory").run((context) -> {
			assertThat(context).getBean(VisitorSessionStore.class).isInstanceOf(InMemoryVisitorSessionStore.class);
			assertThat(context).doesNotHaveBean(SessionStoreRedisConnections.class);
		});
	}

	@Test
	void memoryStoreWhenSpringDataRedisIsAbsent() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertThat(context).getBean(VisitorSessionStore.class)
				.isInstanceOf(InMemoryVisitorSessionStore.class));
	}

	@Test
	void memoryStoreWhenNoConnectionFactoryAndStoreIsNotSet() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CxpRedisSessionStoreAutoConfiguration.class, CxpAutoConfiguration.class))
			.run((context) -> assertThat(context).getBean(VisitorSessionStore.class)
				.isInstanceOf(InMemoryVisitorSessionStore.class));
	}

	@Test
	void explicitRedisWithoutConnectionFactoryFailsAtStartUp() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CxpRedisSessionStoreAutoConfiguration.class, CxpAutoConfiguration.class))
			.withPropertyValues("cxp.session.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cxp.session.store=redis"));
	}

	@Test
	void userStoreWins() {
		this.contextRunner.withUserConfiguration(UserStoreConfiguration.class).run((context) -> {
			assertThat(context).getBean(VisitorSessionStore.class).isSameAs(UserStoreConfiguration.STORE);
			assertThat(context).doesNotHaveBean(SessionStoreRedisConnections.class);
		});
	}

	@Test
	void noStoreWhenDisabled() {
		this.contextRunner.withPropertyValues("cxp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(VisitorSessionStore.class));
	}

	@Test
	void storeHasItsOwnBoundedConnectionsAndLeavesTheApplicationsAlone() {
		this.contextRunner
			.withPropertyValues("cxp.session.redis.timeout=250ms", "cxp.session.redis.connect-timeout=750ms",
					"spring.data.redis.port=6390")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisConnectionFactory.class);
				LettuceConnectionFactory application = context.getBean(LettuceConnectionFactory.class);
				RedisConnectionFactory storeFactory = context.getBean(SessionStoreRedisConnections.class)
					.connectionFactory();
				assertThat(storeFactory).isNotSameAs(application).isInstanceOf(LettuceConnectionFactory.class);
				LettuceConnectionFactory store = (LettuceConnectionFactory) storeFactory;
				assertThat(store.getPort()).isEqualTo(6390);
				LettuceClientConfiguration client = store.getClientConfiguration();
				assertThat(client.getCommandTimeout()).isEqualTo(Duration.ofMillis(250));
				ClientOptions options = client.getClientOptions().orElseThrow();
				assertThat(options.getDisconnectedBehavior())
					.isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
				assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(options.getSocketOptions().isKeepAlive()).isTrue();
				assertThat(options.getRequestQueueSize()).isEqualTo(1024);
				// Nothing listens on that port: the context started anyway, and the store is skipped until connected.
				assertThat(context.getBean(SessionStoreRedisConnections.class).isConnected()).isFalse();
				assertThat(application.getClientConfiguration().getCommandTimeout()).isEqualTo(Duration.ofSeconds(60));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		static final VisitorSessionStore STORE = mock(VisitorSessionStore.class);

		@Bean
		VisitorSessionStore userStore() {
			return STORE;
		}

	}

}
