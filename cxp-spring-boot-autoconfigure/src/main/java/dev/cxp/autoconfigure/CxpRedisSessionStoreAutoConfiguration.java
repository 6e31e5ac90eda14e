package dev.cxp.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;

import dev.cxp.internal.session.redis.RedisVisitorSessionStore;
import dev.cxp.internal.session.redis.SessionStoreRedisConnections;
import dev.cxp.internal.support.SecureIdGenerator;
import dev.cxp.session.VisitorSessionStore;

/**
 * Auto-configuration of the Redis session store, shared by every instance of the application: applies when
 * {@code cxp.session.store} is {@code redis}, or is not set and the application has a
 * {@link RedisConnectionFactory}. Runs before {@link CxpAutoConfiguration}, whose in-memory store then backs
 * off. The store connects to Redis while the context starts, bounded by {@code cxp.session.redis.connect-timeout};
 * a Redis that cannot be reached does not fail the start-up, it is connected to in the background. The store's
 * connections reach the servers the application's connection factory reaches, in every topology Boot
 * configures (see {@link SessionStoreRedisConnections}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = CxpAutoConfiguration.class, after = DataRedisAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "cxp.enabled", matchIfMissing = true)
@ConditionalOnClass(RedisConnectionFactory.class)
@ConditionalOnProperty(name = "cxp.session.store", havingValue = "redis", matchIfMissing = true)
@ConditionalOnSingleCandidate(RedisConnectionFactory.class)
@EnableConfigurationProperties(CxpProperties.class)
public final class CxpRedisSessionStoreAutoConfiguration {

	/**
	 * How long a count of the sessions in Redis is reused by the active-sessions gauge.
	 */
	static final Duration SESSION_COUNT_INTERVAL = Duration.ofSeconds(30);

	@Bean
	@ConditionalOnMissingBean(VisitorSessionStore.class)
	SessionStoreRedisConnections cxpSessionStoreRedisConnections(RedisConnectionFactory connectionFactory,
			ObjectProvider<RedisStaticMasterReplicaConfiguration> masterReplicaConfigurations, BeanFactory beanFactory,
			CxpProperties properties) {
		CxpProperties.Redis redis = properties.session().redis();
		return SessionStoreRedisConnections.to(connectionFactory,
				ApplicationRedisMasterReplica.find(masterReplicaConfigurations, beanFactory), redis.timeout(),
				redis.connectTimeout());
	}

	@Bean
	@ConditionalOnMissingBean(VisitorSessionStore.class)
	RedisVisitorSessionStore visitorSessionStore(SessionStoreRedisConnections connections, CxpProperties properties,
			SecureIdGenerator ids, ObjectProvider<Clock> clock) {
		CxpProperties.Session session = properties.session();
		return new RedisVisitorSessionStore(connections, session.redis().keyPrefix(), session.timeout(),
				ids::sessionId, session.redis().maxPageLength(), CxpAutoConfiguration.clock(clock),
				SESSION_COUNT_INTERVAL);
	}

}
