package dev.cxp.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.cxp.internal.session.reactive.ReactiveVisitorSessionStore;
import dev.cxp.internal.session.redis.ReactiveRedisVisitorSessionStore;
import dev.cxp.internal.session.redis.RedisVisitorSessionStore;
import dev.cxp.session.VisitorSessionStore;

/**
 * The Redis session store reached through Lettuce's reactive API. Only loaded when Spring Data Redis and Lettuce
 * are on the class path.
 */
final class RedisReactiveStores {

	private RedisReactiveStores() {
	}

	static @Nullable ReactiveVisitorSessionStore of(VisitorSessionStore store) {
		return (store instanceof RedisVisitorSessionStore redis) ? ReactiveRedisVisitorSessionStore.of(redis) : null;
	}

}
