package dev.cxp.internal.session.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.cxp.internal.session.reactive.ReactiveVisitorSessionStore;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;

/**
 * The Redis session store as a WebFlux application reaches it: the same keys, hashes and scripts as
 * {@link RedisVisitorSessionStore}, sent through Lettuce's reactive API on the connection that store shares, so
 * that a servlet instance and a reactive instance of one site share their visitors' sessions, and no request
 * thread ever waits for Redis. A page view is one {@code EVALSHA} of the page-view script (with one {@code EVAL}
 * when Redis does not know it yet); an erasure sends one call of the erasure script per visitor, all at once.
 * Every command is bounded by the store's command timeout, and until a first connection to Redis is made every
 * call fails at once. Only loaded when Lettuce is on the class path.
 */
public final class ReactiveRedisVisitorSessionStore implements ReactiveVisitorSessionStore {

	private static final byte[][] FIELDS = RedisVisitorSessionStore.FIELDS.stream()
		.map((field) -> field.getBytes(StandardCharsets.UTF_8))
		.toArray(byte[][]::new);

	private final RedisVisitorSessionStore store;

	private final byte[] recordPageViewScript = RedisVisitorSessionStore.recordPageViewScript()
		.getBytes(StandardCharsets.UTF_8);

	private final String recordPageViewSha = RedisVisitorSessionStore.recordPageViewSha();

	private final byte[] eraseSessionScript = RedisVisitorSessionStore.eraseSessionScript();

	private volatile @Nullable RedisClusterReactiveCommands<byte[], byte[]> commands;

	private ReactiveRedisVisitorSessionStore(RedisVisitorSessionStore store) {
		this.store = store;
	}

	/**
	 * The store reached through Lettuce's reactive API, when its connections are Lettuce's.
	 * @param store the Redis session store
	 * @return the reactive store, or {@code null} when the store's connection factory is not Lettuce's
	 */
	public static @Nullable ReactiveRedisVisitorSessionStore of(RedisVisitorSessionStore store) {
		RedisConnectionFactory factory = store.connections().connectionFactory();
		return (factory instanceof LettuceConnectionFactory) ? new ReactiveRedisVisitorSessionStore(store) : null;
	}

	@Override
	public Mono<TrackedPageView> recordPageView(String visitorId, PageVisit visit) {
		return Mono.defer(() -> {
			RedisClusterReactiveCommands<byte[], byte[]> commands = commands();
			byte[][] keys = { bytes(this.store.key(visitorId)) };
			byte[][] args = { bytes(Long.toString(visit.timestamp().toEpochMilli())),
					bytes(Long.toString(this.store.timeout().toMillis())), bytes(this.store.sessionIds().get()),
					bytes(this.store.cut(visit.page())), bytes(this.store.maxPageBytes()) };
			Flux<Object> reply = commands.<Object>evalsha(this.recordPageViewSha, ScriptOutputType.MULTI, keys, args)
				.onErrorResume(RedisNoScriptException.class,
						(ex) -> commands.eval(this.recordPageViewScript, ScriptOutputType.MULTI, keys, args));
			return reply.collectList()
				.flatMap((items) -> Mono.justOrEmpty(RedisVisitorSessionStore.pageViewOf(strings(items))));
		});
	}

	@Override
	public Mono<VisitSession> find(String visitorId, Instant now) {
		return Mono.defer(() -> commands().hmget(bytes(this.store.key(visitorId)), FIELDS)
			.collectList()
			.flatMap((values) -> Mono.justOrEmpty(RedisVisitorSessionStore.sessionOf(fieldValues(values), now))));
	}

	@Override
	public Mono<Void> erase(List<String> visitorIds, Instant erasedAt) {
		if (visitorIds.isEmpty()) {
			return Mono.empty();
		}
		return Mono.defer(() -> {
			RedisClusterReactiveCommands<byte[], byte[]> commands = commands();
			byte[] at = bytes(Long.toString(erasedAt.toEpochMilli()));
			byte[] lifetime = bytes(Long.toString(this.store.timeout().toMillis()));
			// One single-key call per visitor, all sent at once: keys of different visitors lie in different slots
			return Flux.fromIterable(visitorIds)
				.flatMap((visitorId) -> commands.<Long>eval(this.eraseSessionScript, ScriptOutputType.INTEGER,
						new byte[][] { bytes(this.store.key(visitorId)) }, at, lifetime))
				.then();
		});
	}

	private RedisClusterReactiveCommands<byte[], byte[]> commands() {
		this.store.connections().requireConnected();
		RedisClusterReactiveCommands<byte[], byte[]> commands = this.commands;
		if (commands == null) {
			commands = reactiveCommands(this.store.connections().connectionFactory());
			this.commands = commands;
		}
		return commands;
	}

	// The connection the blocking store shares, already made: reaching it here never waits for a connection
	@SuppressWarnings("unchecked")
	private static RedisClusterReactiveCommands<byte[], byte[]> reactiveCommands(RedisConnectionFactory factory) {
		try (RedisConnection connection = factory.getConnection()) {
			Object nativeConnection = connection.getNativeConnection();
			if (nativeConnection instanceof RedisAdvancedClusterAsyncCommands<?, ?> cluster) {
				return ((RedisAdvancedClusterAsyncCommands<byte[], byte[]>) cluster).getStatefulConnection().reactive();
			}
			if (nativeConnection instanceof RedisAsyncCommands<?, ?> standalone) {
				return ((RedisAsyncCommands<byte[], byte[]>) standalone).getStatefulConnection().reactive();
			}
			throw new IllegalStateException("Not a Lettuce connection: " + nativeConnection.getClass().getName());
		}
	}

	private static List<Object> strings(List<Object> items) {
		// Lettuce may emit the script's reply as one list or item by item
		List<?> reply = (items.size() == 1 && items.get(0) instanceof List<?> list) ? list : items;
		List<Object> strings = new ArrayList<>(reply.size());
		for (Object item : reply) {
			strings.add((item instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : item);
		}
		return strings;
	}

	private static List<@Nullable String> fieldValues(List<KeyValue<byte[], byte[]>> values) {
		List<@Nullable String> strings = new ArrayList<>(values.size());
		for (KeyValue<byte[], byte[]> value : values) {
			strings.add(value.hasValue() ? new String(value.getValue(), StandardCharsets.UTF_8) : null);
		}
		return strings;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "ReactiveRedisVisitorSessionStore";
	}

}
