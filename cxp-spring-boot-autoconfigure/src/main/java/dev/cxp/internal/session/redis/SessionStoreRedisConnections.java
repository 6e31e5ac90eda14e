package dev.cxp.internal.session.redis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;
import org.springframework.util.ClassUtils;

/**
 * The session store's connections to the application's Redis. A page must never wait long for tracking,
 * but an application's Lettuce connections wait up to 60 seconds for a command by default, queue commands
 * while disconnected, and make their first connection lazily, inside a request, under a lock that every
 * other request then waits on. So:
 * <ul>
 * <li>when the application's connection factory is Lettuce's, the store gets a connection factory of its own
 * to the same Redis (same topology and servers, credentials, TLS, client resources) in which connecting is
 * bounded by the connect timeout, every command by the command timeout, the request queue is bounded, TCP
 * keepalive is on, and commands fail at once while the connection is down; any other connection factory is
 * used as it is. A Lettuce connection factory exposes its standalone, Sentinel, cluster and socket
 * configurations but not a master/replica one, which is therefore passed in from the application's
 * configuration;</li>
 * <li>the first connection is made eagerly, when these connections are created at start-up, bounded by the
 * connect timeout; when Redis cannot be reached then, start-up goes on, a background thread keeps trying,
 * and until it succeeds {@link #isConnected()} is {@code false}, so the store is skipped at once without
 * touching the connection factory or its lock. Once connected, Lettuce reconnects by itself.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class SessionStoreRedisConnections implements DisposableBean {

	private static final Log logger = LogFactory.getLog(SessionStoreRedisConnections.class);

	static final boolean LETTUCE_PRESENT = ClassUtils.isPresent("io.lettuce.core.RedisClient",
			SessionStoreRedisConnections.class.getClassLoader());

	/**
	 * How many times a connection is tried at start-up, within the connect timeout: a cold JVM may miss
	 * the short command timeout on the first handshake.
	 */
	private static final int START_UP_ATTEMPTS = 3;

	private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);

	private static final Duration LONGEST_RETRY_DELAY = Duration.ofSeconds(10);

	private final RedisConnectionFactory connectionFactory;

	private final @Nullable DisposableBean owned;

	private final Duration commandTimeout;

	private final Duration connectTimeout;

	private volatile boolean connected;

	private volatile @Nullable ScheduledExecutorService reconnector;

	private volatile boolean destroyed;

	private SessionStoreRedisConnections(RedisConnectionFactory connectionFactory, @Nullable DisposableBean owned,
			Duration commandTimeout, Duration connectTimeout) {
		this.connectionFactory = connectionFactory;
		this.owned = owned;
		this.commandTimeout = commandTimeout;
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Connections for the session store to the Redis the application uses, connected before this returns
	 * when Redis answers within the connect timeout, else connecting in the background.
	 * @param application the application's connection factory, not configured for master/replica
	 * @param commandTimeout the longest wait for a command
	 * @param connectTimeout the longest wait for a connection
	 * @return the store's connections, started
	 */
	public static SessionStoreRedisConnections to(RedisConnectionFactory application, Duration commandTimeout,
			Duration connectTimeout) {
		return to(application, null, commandTimeout, connectTimeout);
	}

	/**
	 * Connections for the session store to the Redis the application uses, connected before this returns
	 * when Redis answers within the connect timeout, else connecting in the background.
	 * @param application the application's connection factory
	 * @param masterReplica the master/replica configuration the application's connection factory was built
	 * from, {@code null} when it was built from another; only needed for a Lettuce factory, which does not
	 * expose it
	 * @param commandTimeout the longest wait for a command
	 * @param connectTimeout the longest wait for a connection
	 * @return the store's connections, started
	 * @since 0.3.0
	 */
	public static SessionStoreRedisConnections to(RedisConnectionFactory application,
			@Nullable RedisStaticMasterReplicaConfiguration masterReplica, Duration commandTimeout,
			Duration connectTimeout) {
		DisposableBean bounded = LETTUCE_PRESENT
				? BoundedLettuceConnections.copyOf(application, masterReplica, commandTimeout, connectTimeout) : null;
		SessionStoreRedisConnections connections = (bounded != null)
				? new SessionStoreRedisConnections((RedisConnectionFactory) bounded, bounded, commandTimeout,
						connectTimeout)
				: new SessionStoreRedisConnections(application, null, commandTimeout, connectTimeout);
		connections.connectAtStartUp();
		return connections;
	}

	/**
	 * The connection factory the store uses; use it only while {@link #isConnected()}.
	 * @return the connection factory
	 */
	public RedisConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	/**
	 * The longest wait for a command, or for several sent together.
	 * @return the command timeout
	 */
	Duration commandTimeout() {
		return this.commandTimeout;
	}

	/**
	 * Whether a first connection to Redis was made. Before it, the store does not touch the connection factory,
	 * whose lazy connect would hold every caller for the connect timeout. After it, a lost connection is
	 * reconnected by the client while commands fail at once.
	 * @return {@code true} once connected
	 */
	public boolean isConnected() {
		return this.connected;
	}

	/**
	 * Fail when there is no connection yet, at once and without waiting for one.
	 * @throws RedisConnectionFailureException when not connected
	 */
	void requireConnected() {
		if (!this.connected) {
			throw new NotConnectedException();
		}
	}

	private void connectAtStartUp() {
		long deadline = System.nanoTime() + this.connectTimeout.toNanos();
		RuntimeException failure = null;
		for (int attempt = 0; attempt < START_UP_ATTEMPTS && System.nanoTime() < deadline; attempt++) {
			failure = tryConnect();
			if (failure == null) {
				return;
			}
		}
		logger.warn("Redis session store: no connection to Redis at start-up (" + failure.getClass().getName()
				+ "); pages are served without tracking until a connection made in the background succeeds");
		scheduleReconnect(FIRST_RETRY_DELAY);
	}

	private @Nullable RuntimeException tryConnect() {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			// Also warms the command path, so the first page view does not pay for it.
			connection.ping();
			this.connected = true;
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private synchronized void scheduleReconnect(Duration delay) {
		if (this.destroyed) {
			return;
		}
		ScheduledExecutorService executor = this.reconnector;
		if (executor == null) {
			executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "cxp-session-store-redis-connect");
				thread.setDaemon(true);
				return thread;
			});
			this.reconnector = executor;
		}
		executor.schedule(() -> reconnect(delay), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void reconnect(Duration lastDelay) {
		if (this.destroyed) {
			return;
		}
		RuntimeException failure = tryConnect();
		if (failure == null) {
			logger.info("Redis session store: connected to Redis; page views are tracked again");
			shutDownReconnector();
			return;
		}
		logger.debug("Redis session store: connecting to Redis failed; trying again", failure);
		Duration doubled = lastDelay.multipliedBy(2);
		scheduleReconnect((doubled.compareTo(LONGEST_RETRY_DELAY) > 0) ? LONGEST_RETRY_DELAY : doubled);
	}

	private synchronized void shutDownReconnector() {
		ScheduledExecutorService executor = this.reconnector;
		if (executor != null) {
			executor.shutdown();
			this.reconnector = null;
		}
	}

	/**
	 * Stop connecting and close the store's own connections, if it has any; the application's are left alone.
	 * @throws Exception if closing fails
	 */
	@Override
	public void destroy() throws Exception {
		this.destroyed = true;
		ScheduledExecutorService executor;
		synchronized (this) {
			executor = this.reconnector;
			this.reconnector = null;
		}
		if (executor != null) {
			executor.shutdownNow();
			executor.awaitTermination(this.connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		if (this.owned != null) {
			this.owned.destroy();
		}
	}

	/**
	 * The store was skipped because no connection to Redis has been made yet. Without a stack trace: it is
	 * expected, frequent while Redis is unreachable, and says all it has to say in its message.
	 */
	static final class NotConnectedException extends RedisConnectionFailureException {

		NotConnectedException() {
			super("No connection to Redis yet; connecting in the background");
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
