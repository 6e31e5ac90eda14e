package dev.cxp.internal.session.redis;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A connection factory that is not Lettuce's, over one that is, for the store's paths that serve other clients:
 * it is no {@link LettuceConnectionFactory}, and its connections show no Lettuce native connection.
 */
final class NotLettuceConnectionFactory implements RedisConnectionFactory {

	private final LettuceConnectionFactory delegate;

	NotLettuceConnectionFactory(LettuceConnectionFactory delegate) {
		this.delegate = delegate;
	}

	@Override
	public RedisConnection getConnection() {
		return new DefaultStringRedisConnection(this.delegate.getConnection()) {

			@Override
			public Object getNativeConnection() {
				return this;
			}

		};
	}

	@Override
	public RedisClusterConnection getClusterConnection() {
		throw new UnsupportedOperationException("Not a cluster");
	}

	@Override
	public boolean getConvertPipelineAndTxResults() {
		return this.delegate.getConvertPipelineAndTxResults();
	}

	@Override
	public RedisSentinelConnection getSentinelConnection() {
		throw new UnsupportedOperationException("No Sentinel");
	}

	@Override
	public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
		return this.delegate.translateExceptionIfPossible(ex);
	}

}
