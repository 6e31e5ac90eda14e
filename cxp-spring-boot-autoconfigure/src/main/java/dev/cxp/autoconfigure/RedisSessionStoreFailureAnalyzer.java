package dev.cxp.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.cxp.internal.session.redis.RedisSessionStoreUnavailableException;

/**
 * Explains a start-up that failed because {@code cxp.session.store=redis} is set but no Redis session store
 * could be configured, and what to do about it.
 *
 * @since 0.2.0
 */
class RedisSessionStoreFailureAnalyzer extends AbstractFailureAnalyzer<RedisSessionStoreUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisSessionStoreUnavailableException cause) {
		return new FailureAnalysis(description(cause), action(cause), cause);
	}

	private static String description(RedisSessionStoreUnavailableException cause) {
		String reason;
		if (!cause.isSpringDataRedisPresent()) {
			reason = "Spring Data Redis is not on the classpath.";
		}
		else if (cause.getConnectionFactories() == 0) {
			reason = "No RedisConnectionFactory bean is defined.";
		}
		else {
			reason = cause.getConnectionFactories() + " RedisConnectionFactory beans are defined and none is "
					+ "marked @Primary.";
		}
		return "The visit sessions were to be kept in Redis (cxp.session.store=redis), but the Redis session "
				+ "store could not be configured: " + reason;
	}

	private static String action(RedisSessionStoreUnavailableException cause) {
		if (!cause.isSpringDataRedisPresent()) {
			return "Add spring-boot-starter-data-redis to the application's dependencies, or set "
					+ "cxp.session.store=memory to keep sessions on each instance.";
		}
		if (cause.getConnectionFactories() == 0) {
			return "Configure a connection to Redis (spring.data.redis.host and spring.data.redis.port, or a "
					+ "RedisConnectionFactory bean), or set cxp.session.store=memory.";
		}
		return "Mark one of the RedisConnectionFactory beans as @Primary, or set cxp.session.store=memory.";
	}

}
