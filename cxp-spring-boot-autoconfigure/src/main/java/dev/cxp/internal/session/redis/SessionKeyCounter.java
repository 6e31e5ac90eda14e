package dev.cxp.internal.session.redis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

import dev.cxp.internal.support.ThrottledWarning;

/**
 * Counts the keys of a pattern in the background, so that reading the count never touches Redis: a daemon
 * thread walks them with {@code SCAN} (on each master of a cluster, since a cursor covers one server) once
 * started, then once per interval, and keeps the last count. Counting is skipped while the store has no
 * connection; a failed count leaves the last one and is warned about at most once per ten minutes.
 */
final class SessionKeyCounter {

	private static final Log logger = LogFactory.getLog(SessionKeyCounter.class);

	private static final long SCAN_BATCH = 1000;

	private final SessionStoreRedisConnections connections;

	private final ScanOptions options;

	private final Duration interval;

	private final ThrottledWarning failure = new ThrottledWarning(logger, Duration.ofMinutes(10));

	private volatile @Nullable ScheduledExecutorService executor;

	private volatile boolean stopped;

	private volatile long count;

	/**
	 * Create a counter, not yet started.
	 * @param connections the store's connections
	 * @param pattern the glob pattern of the keys to count
	 * @param interval the time between the end of a count and the start of the next
	 */
	SessionKeyCounter(SessionStoreRedisConnections connections, String pattern, Duration interval) {
		this.connections = connections;
		this.options = ScanOptions.scanOptions().match(pattern).count(SCAN_BATCH).build();
		this.interval = interval;
	}

	/**
	 * Start counting, at once and then once per interval, unless started or stopped before.
	 */
	void start() {
		if (this.executor != null || this.stopped) {
			return;
		}
		synchronized (this) {
			if (this.executor != null || this.stopped) {
				return;
			}
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "cxp-session-store-redis-count");
				thread.setDaemon(true);
				return thread;
			});
			executor.scheduleWithFixedDelay(this::countQuietly, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
			this.executor = executor;
		}
	}

	/**
	 * The last count.
	 * @return the keys counted last, 0 before the first count
	 */
	long lastCount() {
		return this.count;
	}

	/**
	 * Stop counting for good.
	 */
	synchronized void stop() {
		this.stopped = true;
		ScheduledExecutorService executor = this.executor;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	private void countQuietly() {
		if (!this.connections.isConnected()) {
			return;
		}
		try {
			this.count = count();
		}
		catch (RuntimeException | Error ex) {
			// Whatever is thrown is caught: anything escaping would cancel the schedule for good
			this.failure.warn("Counting the sessions in Redis failed; the active-sessions figure keeps its last count",
					ex);
		}
	}

	private long count() {
		try (RedisConnection connection = this.connections.connectionFactory().getConnection()) {
			if (connection instanceof RedisClusterConnection cluster) {
				long keys = 0;
				for (RedisClusterNode node : cluster.clusterGetNodes()) {
					if (node.isMaster() && !node.isMarkedAsFail()) {
						keys += walk(cluster.scan(node, this.options));
					}
				}
				return keys;
			}
			return walk(connection.keyCommands().scan(this.options));
		}
	}

	private static long walk(Cursor<byte[]> cursor) {
		long keys = 0;
		try (cursor) {
			while (cursor.hasNext()) {
				cursor.next();
				keys++;
			}
		}
		return keys;
	}

}
