package dev.cxp.internal.session.redis;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;

/**
 * Runs the erasure script once per key, for several keys in one round trip and one wait. Keys of different
 * visitors lie in different hash slots of a cluster, so a single multi-key command or script would be refused
 * there ({@code CROSSSLOT}); one single-key call per visitor is valid everywhere. On a Lettuce connection the
 * calls go out together on its asynchronous commands, each to the node that holds its key, and are awaited
 * with one deadline (see {@link LettuceSessionErasures}); on any other connection they are one pipeline.
 */
final class SessionErasures {

	private SessionErasures() {
	}

	/**
	 * Erase the sessions under the given keys.
	 * @param connection a connection of the store's connection factory, not a proxy of it
	 * @param script the erasure script
	 * @param keys the session keys
	 * @param erasedAt the instant of the erasure, epoch milliseconds
	 * @param lifetime how long each marker lives, milliseconds
	 * @param timeout the longest wait for all the calls together
	 */
	static void erase(RedisConnection connection, byte[] script, List<byte[]> keys, byte[] erasedAt, byte[] lifetime,
			Duration timeout) {
		if (SessionStoreRedisConnections.LETTUCE_PRESENT && LettuceSessionErasures.supports(connection)) {
			LettuceSessionErasures.erase(connection, script, keys, erasedAt, lifetime, timeout);
			return;
		}
		connection.openPipeline();
		try {
			for (byte[] key : keys) {
				connection.scriptingCommands().eval(script, ReturnType.INTEGER, 1, key, erasedAt, lifetime);
			}
		}
		finally {
			// Throws when a call failed
			connection.closePipeline();
		}
	}

}
