package dev.cxp.internal.session.redis;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Thrown at start-up when {@code cxp.session.store=redis} is set but no Redis session store can be configured:
 * falling back to memory would silently split visit sessions between instances.
 *
 * @since 0.2.0
 */
public class RedisSessionStoreUnavailableException extends IllegalStateException {

	private static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

	private final boolean springDataRedisPresent;

	private final int connectionFactories;

	/**
	 * Create an exception.
	 * @param springDataRedisPresent whether Spring Data Redis is on the classpath
	 * @param connectionFactories how many {@code RedisConnectionFactory} beans the context has
	 */
	public RedisSessionStoreUnavailableException(boolean springDataRedisPresent, int connectionFactories) {
		super("cxp.session.store=redis, but no Redis session store could be configured: "
				+ reason(springDataRedisPresent, connectionFactories));
		this.springDataRedisPresent = springDataRedisPresent;
		this.connectionFactories = connectionFactories;
	}

	/**
	 * The exception that says why the Redis session store is missing from the given context.
	 * @param beanFactory the context's bean factory
	 * @return the exception
	 */
	public static RedisSessionStoreUnavailableException diagnose(ListableBeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : RedisSessionStoreUnavailableException.class.getClassLoader();
		if (!ClassUtils.isPresent(CONNECTION_FACTORY, classLoader)) {
			return new RedisSessionStoreUnavailableException(false, 0);
		}
		Class<?> type = ClassUtils.resolveClassName(CONNECTION_FACTORY, classLoader);
		return new RedisSessionStoreUnavailableException(true,
				BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type).length);
	}

	private static String reason(boolean springDataRedisPresent, int connectionFactories) {
		if (!springDataRedisPresent) {
			return "Spring Data Redis is not on the classpath";
		}
		return (connectionFactories == 0) ? "there is no RedisConnectionFactory bean"
				: "there are " + connectionFactories + " RedisConnectionFactory beans and none is primary";
	}

	/**
	 * Whether Spring Data Redis is on the classpath.
	 * @return {@code true} when it is
	 */
	public boolean isSpringDataRedisPresent() {
		return this.springDataRedisPresent;
	}

	/**
	 * How many {@code RedisConnectionFactory} beans the context has.
	 * @return the number of connection factories
	 */
	public int getConnectionFactories() {
		return this.connectionFactories;
	}

}
