package dev.cxp.internal.session.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSocketConfiguration;
import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceSslClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Copies of a Lettuce connection factory with connecting bounded by a connect timeout, every command by a
 * command timeout, a bounded request queue and TCP keepalive. A copy reaches the servers the original reaches:
 * the cluster, Sentinel, socket or standalone configuration the original holds, or the master/replica
 * configuration it was built from, which a Lettuce connection factory does not expose (its standalone
 * configuration is then a default, {@code localhost:6379}); the client settings (TLS and its SSL options,
 * credentials provider, client resources, client name, read-from) are the original's. Only loaded when Lettuce
 * is on the classpath.
 */
final class BoundedLettuceConnections {

	/**
	 * Most commands queued or awaiting a reply; beyond it a command fails at once rather than wait. Far
	 * above what a servlet container's request threads can have in flight, each waiting at most the
	 * command timeout.
	 */
	static final int REQUEST_QUEUE_SIZE = 1024;

	private BoundedLettuceConnections() {
	}

	/**
	 * A started copy of the application's connection factory, bounded by the timeout.
	 * @param application the application's connection factory
	 * @param masterReplica the master/replica configuration the application's factory was built from, if it
	 * was; ignored when the factory is configured for a cluster, Sentinel or a socket
	 * @param timeout the longest wait for a command
	 * @param connectTimeout the longest wait for a connection
	 * @return the copy, or {@code null} when the application's factory is not Lettuce's
	 */
	static @Nullable LettuceConnectionFactory copyOf(RedisConnectionFactory application,
			@Nullable RedisStaticMasterReplicaConfiguration masterReplica, Duration timeout, Duration connectTimeout) {
		if (!(application instanceof LettuceConnectionFactory lettuce)) {
			return null;
		}
		LettuceConnectionFactory bounded = new LettuceConnectionFactory(configuration(lettuce, masterReplica),
				clientConfiguration(lettuce, timeout, connectTimeout));
		bounded.afterPropertiesSet();
		bounded.start();
		return bounded;
	}

	private static RedisConfiguration configuration(LettuceConnectionFactory application,
			@Nullable RedisStaticMasterReplicaConfiguration masterReplica) {
		if (application.isClusterAware()) {
			return application.getClusterConfiguration();
		}
		if (application.isRedisSentinelAware()) {
			return application.getSentinelConfiguration();
		}
		RedisSocketConfiguration socket = application.getSocketConfiguration();
		if (socket != null) {
			return socket;
		}
		// The only configuration left that the factory does not expose: a standalone one is always exposed
		return (masterReplica != null) ? masterReplica : application.getStandaloneConfiguration();
	}

	private static LettuceClientConfiguration clientConfiguration(LettuceConnectionFactory application,
			Duration timeout, Duration connectTimeout) {
		LettuceClientConfiguration source = application.getClientConfiguration();
		LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder();
		if (source.isUseSsl()) {
			LettuceSslClientConfigurationBuilder ssl = builder.useSsl().verifyPeer(source.getVerifyMode());
			if (source.isStartTls()) {
				ssl.startTls();
			}
			builder = ssl.and();
		}
		source.getClientResources().ifPresent(builder::clientResources);
		source.getClientName().ifPresent(builder::clientName);
		source.getReadFrom().ifPresent(builder::readFrom);
		source.getRedisCredentialsProviderFactory().ifPresent(builder::redisCredentialsProviderFactory);
		ClientOptions options = boundedOptions(source.getClientOptions().orElse(null), application.isClusterAware(),
				timeout, connectTimeout);
		return builder.clientOptions(options)
			.commandTimeout(timeout)
			.shutdownTimeout(source.getShutdownTimeout())
			.shutdownQuietPeriod(source.getShutdownQuietPeriod())
			.build();
	}

	private static ClientOptions boundedOptions(@Nullable ClientOptions source, boolean cluster, Duration timeout,
			Duration connectTimeout) {
		ClientOptions.Builder builder;
		if (source instanceof ClusterClientOptions clusterOptions) {
			builder = clusterOptions.mutate();
		}
		else if (cluster) {
			builder = (source != null) ? ClusterClientOptions.builder(source) : ClusterClientOptions.builder();
		}
		else {
			builder = (source != null) ? source.mutate() : ClientOptions.builder();
		}
		SocketOptions socket = (source != null) ? source.getSocketOptions() : SocketOptions.create();
		return builder.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.requestQueueSize(REQUEST_QUEUE_SIZE)
			.socketOptions(socket.mutate().connectTimeout(connectTimeout).keepAlive(true).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.build();
	}

}
