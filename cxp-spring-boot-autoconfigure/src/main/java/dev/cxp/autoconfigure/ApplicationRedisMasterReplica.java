package dev.cxp.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;
import org.springframework.util.ClassUtils;

/**
 * The master/replica configuration of the application's Redis, which the session store's own connection factory
 * needs because the application's Lettuce connection factory does not expose it. Found where Boot's Redis
 * auto-configuration finds it: a {@link RedisStaticMasterReplicaConfiguration} bean, else the master/replica
 * nodes of the {@code DataRedisConnectionDetails} (from {@code spring.data.redis.masterreplica.nodes}, with the
 * user name and password), with the same precedence, so that both factories reach the same servers.
 */
final class ApplicationRedisMasterReplica {

	private static final boolean CONNECTION_DETAILS_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails",
			ApplicationRedisMasterReplica.class.getClassLoader());

	private ApplicationRedisMasterReplica() {
	}

	/**
	 * The application's master/replica configuration.
	 * @param configurations the application's master/replica configuration beans
	 * @param beanFactory the application's bean factory
	 * @return the configuration, or {@code null} when the application has none
	 */
	static @Nullable RedisStaticMasterReplicaConfiguration find(
			ObjectProvider<RedisStaticMasterReplicaConfiguration> configurations, BeanFactory beanFactory) {
		RedisStaticMasterReplicaConfiguration declared = configurations.getIfAvailable();
		if (declared != null) {
			return declared;
		}
		return CONNECTION_DETAILS_PRESENT ? FromConnectionDetails.find(beanFactory) : null;
	}

	/**
	 * Reads Boot's connection details; only loaded when they are on the classpath.
	 */
	private static final class FromConnectionDetails {

		static @Nullable RedisStaticMasterReplicaConfiguration find(BeanFactory beanFactory) {
			DataRedisConnectionDetails details = beanFactory.getBeanProvider(DataRedisConnectionDetails.class)
				.getIfAvailable();
			DataRedisConnectionDetails.MasterReplica masterReplica = (details != null) ? details.getMasterReplica()
					: null;
			if (details == null || masterReplica == null || masterReplica.getNodes().isEmpty()) {
				return null;
			}
			List<DataRedisConnectionDetails.Node> nodes = masterReplica.getNodes();
			RedisStaticMasterReplicaConfiguration configuration = new RedisStaticMasterReplicaConfiguration(
					nodes.get(0).host(), nodes.get(0).port());
			nodes.stream().skip(1).forEach((node) -> configuration.addNode(node.host(), node.port()));
			configuration.setUsername(details.getUsername());
			String password = details.getPassword();
			if (password != null) {
				configuration.setPassword(RedisPassword.of(password));
			}
			return configuration;
		}

	}

}
