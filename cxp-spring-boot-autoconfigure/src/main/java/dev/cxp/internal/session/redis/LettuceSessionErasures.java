package dev.cxp.internal.session.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnection;

/**
 * Erasure script calls on the asynchronous commands of a Lettuce connection: every call is written at once, on
 * the connection the store shares (Lettuce routes each one of a cluster connection to the node that holds its
 * key), and all are awaited together for at most the timeout. Only loaded when Lettuce is on the classpath.
 */
final class LettuceSessionErasures {

	private LettuceSessionErasures() {
	}

	/**
	 * Whether the connection is Lettuce's, standalone or cluster.
	 * @param connection the connection
	 * @return {@code true} when its native connection takes asynchronous commands
	 */
	static boolean supports(RedisConnection connection) {
		return connection.getNativeConnection() instanceof RedisClusterAsyncCommands<?, ?>;
	}

	/**
	 * Erase the sessions under the given keys; see {@link SessionErasures#erase}.
	 */
	@SuppressWarnings("unchecked")
	static void erase(RedisConnection connection, byte[] script, List<byte[]> keys, byte[] erasedAt, byte[] lifetime,
			Duration timeout) {
		RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection
			.getNativeConnection();
		CompletableFuture<?>[] calls = new CompletableFuture<?>[keys.size()];
		for (int i = 0; i < calls.length; i++) {
			byte[][] key = { keys.get(i) };
			calls[i] = commands.<Long>eval(script, ScriptOutputType.INTEGER, key, erasedAt, lifetime)
				.toCompletableFuture();
		}
		try {
			CompletableFuture.allOf(calls).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			for (CompletableFuture<?> call : calls) {
				call.cancel(false);
			}
			throw new QueryTimeoutException("Redis did not complete an erasure within " + timeout, ex);
		}
		catch (ExecutionException ex) {
			throw new RedisSystemException("Redis failed an erasure", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedisSystemException("Interrupted while waiting for an erasure", ex);
		}
	}

}
