package dev.cxp.session.redis;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * The session store's connections to the application's Redis. A page must never wait long for tracking,
 * but an application's Lettuce connections wait up to 60 seconds for a command by default and queue
 * commands while disconnected. So, when the application's connection factory is Lettuce's, the store gets
 * a connection factory of its own to the same Redis (same servers, credentials, TLS, client resources) in
 * which connecting and every command are bounded by the store's timeout, and commands fail at once while
 * the connection is down; Lettuce reconnects in the background, so tracking resumes by itself. Any other
 * connection factory is used as it is, with its own timeouts.
 *
 * @since 0.1.0
 */
public final class SessionStoreRedisConnections implements DisposableBean {

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent("io.lettuce.core.RedisClient",
			SessionStoreRedisConnections.class.getClassLoader());

	private final RedisConnectionFactory connectionFactory;

	private final @Nullable DisposableBean owned;

	private SessionStoreRedisConnections(RedisConnectionFactory connectionFactory, @Nullable DisposableBean owned) {
		this.connectionFactory = connectionFactory;
		this.owned = owned;
	}

	/**
	 * Connections for the session store to the Redis the application uses.
	 * @param application the application's connection factory
	 * @param timeout the longest wait for a connection or a command
	 * @return the store's connections, started
	 */
	public static SessionStoreRedisConnections to(RedisConnectionFactory application, Duration timeout) {
		DisposableBean bounded = LETTUCE_PRESENT ? BoundedLettuceConnections.copyOf(application, timeout) : null;
		return (bounded != null) ? new SessionStoreRedisConnections((RedisConnectionFactory) bounded, bounded)
				: new SessionStoreRedisConnections(application, null);
	}

	/**
	 * The connection factory the store uses.
	 * @return the connection factory
	 */
	public RedisConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	/**
	 * Close the store's own connections, if it has any; the application's are left alone.
	 * @throws Exception if closing fails
	 */
	@Override
	public void destroy() throws Exception {
		if (this.owned != null) {
			this.owned.destroy();
		}
	}

}
