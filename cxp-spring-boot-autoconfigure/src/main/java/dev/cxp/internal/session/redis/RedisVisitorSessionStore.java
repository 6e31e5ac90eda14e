package dev.cxp.internal.session.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;

/**
 * A {@link VisitorSessionStore} in Redis, shared by every instance of the application. Each session is a
 * hash under {@code <prefix><visitorId>} whose time to live is the rest of the session, so an idle session
 * disappears by itself. A page view is one {@code EVALSHA} of a Lua script that applies the rules of
 * {@link PageVisit#applyTo(VisitSession, Duration, Supplier)} on the server, atomically across instances. Times
 * are kept to the millisecond. Pages are cut to the store's longest page length, here and again in the script.
 * <p>
 * An erasure replaces each visitor's hash, atomically, with one holding only the field {@code erased}, the
 * instant of the erasure, for the session timeout; the page-view script records nothing at or before that
 * instant. Erasing several visitors is one script call per key, all sent at once and awaited together (one
 * round trip, one wait of at most the command timeout), since the keys of different visitors lie in different
 * hash slots of a cluster. The number of sessions is counted in the background (see {@link #size()}).
 * <p>
 * Failures surface as Spring's {@code DataAccessException}s; until a first connection to Redis is made, every
 * call fails at once without waiting for one (see {@link SessionStoreRedisConnections}).
 *
 * @since 0.1.0
 */
public class RedisVisitorSessionStore implements VisitorSessionStore, InitializingBean, DisposableBean {

	// Read once into a string: a script backed by a resource checks the resource's modification time, under a
	// lock, on every call, which in a jar means opening it again and serialises all page views.
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RECORD_PAGE_VIEW = RedisScript.of(loadScript("record-page-view.lua"),
			List.class);

	private static final byte[] ERASE_SESSION = loadScript("erase-session.lua").getBytes(StandardCharsets.UTF_8);

	static final List<String> FIELDS = List.of("id", "started", "seen", "expires", "previous", "page");

	private static final String ERASED_REPLY = "erased";

	private final SessionStoreRedisConnections connections;

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration timeout;

	private final Supplier<String> sessionIds;

	private final int maxPageLength;

	private final String maxPageBytes;

	private final Clock clock;

	private final SessionKeyCounter counter;

	/**
	 * Create a store.
	 * @param connections the connections to Redis, whose command timeout bounds every call
	 * @param keyPrefix the prefix of the session keys, followed by the visitor id
	 * @param timeout the idle time after which a session ends, and its key with it
	 * @param sessionIds the source of new session ids
	 * @param maxPageLength the longest page stored, in characters; longer ones are cut
	 * @param clock the clock of the application, which the warm-up read at start-up uses
	 * @param countInterval how often the stored sessions are counted in the background, for {@link #size()}
	 * @since 0.2.0
	 */
	public RedisVisitorSessionStore(SessionStoreRedisConnections connections, String keyPrefix, Duration timeout,
			Supplier<String> sessionIds, int maxPageLength, Clock clock, Duration countInterval) {
		if (maxPageLength < 1) {
			throw new IllegalArgumentException("maxPageLength must be positive, was " + maxPageLength);
		}
		if (countInterval.isNegative() || countInterval.isZero()) {
			throw new IllegalArgumentException("countInterval must be positive, was " + countInterval);
		}
		this.connections = connections;
		this.redis = new StringRedisTemplate(connections.connectionFactory());
		this.keyPrefix = keyPrefix;
		this.timeout = timeout;
		this.sessionIds = sessionIds;
		this.maxPageLength = maxPageLength;
		// No character takes more than three bytes of UTF-8, so the script's cut never shortens a page cut here.
		this.maxPageBytes = Long.toString(3L * maxPageLength);
		this.clock = clock;
		this.counter = new SessionKeyCounter(connections, globEscaped(keyPrefix) + "*", countInterval);
	}

	/**
	 * Start counting the sessions in the background, and warm the store's commands while the application
	 * starts, when connected: load the page-view script into Redis, so the first page view is one
	 * {@code EVALSHA}, and run a read, so the first requests of a cold JVM do not spend the short command timeout
	 * on loading classes. Failures are left to the requests.
	 */
	@Override
	public void afterPropertiesSet() {
		this.counter.start();
		if (!this.connections.isConnected()) {
			return;
		}
		try {
			this.redis.execute((RedisCallback<String>) (connection) -> connection.scriptingCommands()
				.scriptLoad(RECORD_PAGE_VIEW.getScriptAsString().getBytes(StandardCharsets.UTF_8)));
			// Visitor ids are never empty, so the bare prefix is no visitor's key.
			find("", this.clock.instant());
		}
		catch (RuntimeException ex) {
			// The requests will count the failure if it lasts.
		}
	}

	private static String loadScript(String name) {
		try {
			return new ClassPathResource(name, RedisVisitorSessionStore.class).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + name, ex);
		}
	}

	@Override
	public @Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit) {
		this.connections.requireConnected();
		// The script cannot call back for an id, so the one a new session would take is made up front.
		List<?> reply = this.redis.execute(RECORD_PAGE_VIEW, List.of(key(visitorId)),
				Long.toString(visit.timestamp().toEpochMilli()), Long.toString(this.timeout.toMillis()),
				this.sessionIds.get(), cut(visit.page()), this.maxPageBytes);
		return pageViewOf(reply);
	}

	/**
	 * The page view the page-view script answered.
	 * @param reply the script's reply, its items as strings
	 * @return the page view, or {@code null} when the visitor was erased at or after its timestamp
	 */
	static @Nullable TrackedPageView pageViewOf(@Nullable List<?> reply) {
		if (reply != null && reply.size() == 1 && ERASED_REPLY.equals(reply.get(0))) {
			return null;
		}
		if (reply == null || reply.size() != 7) {
			throw new IllegalStateException("Unexpected reply from the page-view script");
		}
		String previousPage = (String) reply.get(5);
		VisitSession session = new VisitSession((String) reply.get(1), instant(reply.get(2)), instant(reply.get(3)),
				instant(reply.get(4)), previousPage.isEmpty() ? null : previousPage, (String) reply.get(6));
		return new TrackedPageView(session, "1".equals(reply.get(0)));
	}

	@Override
	public @Nullable VisitSession find(String visitorId, Instant now) {
		this.connections.requireConnected();
		HashOperations<String, String, String> hashes = this.redis.opsForHash();
		List<String> values = hashes.multiGet(key(visitorId), FIELDS);
		return sessionOf(values, now);
	}

	/**
	 * The live session whose fields a read of the session's hash found.
	 * @param values the values of {@link #FIELDS}, in order, {@code null} where missing
	 * @param now the current time
	 * @return the session, or {@code null} when there is none or it has expired
	 */
	static @Nullable VisitSession sessionOf(List<@Nullable String> values, Instant now) {
		String id = values.get(0);
		String started = values.get(1);
		String seen = values.get(2);
		String expires = values.get(3);
		String page = values.get(5);
		if (id == null || started == null || seen == null || expires == null || page == null) {
			return null;
		}
		VisitSession session = new VisitSession(id, instant(started), instant(seen), instant(expires), values.get(4),
				page);
		return session.isExpiredAt(now) ? null : session;
	}

	@Override
	public void remove(String visitorId) {
		this.connections.requireConnected();
		this.redis.delete(key(visitorId));
	}

	/**
	 * Erase the visitors' sessions, leaving in each key a marker of the erasure for the session timeout: one
	 * script call per key, sent together in one round trip and awaited together for at most the command
	 * timeout, on whichever servers hold the keys.
	 * @param visitorIds the visitor ids, few
	 * @param erasedAt the instant of the erasure
	 * @since 0.3.0
	 */
	@Override
	public void erase(List<String> visitorIds, Instant erasedAt) {
		this.connections.requireConnected();
		if (visitorIds.isEmpty()) {
			return;
		}
		List<byte[]> keys = new ArrayList<>(visitorIds.size());
		for (String visitorId : visitorIds) {
			keys.add(key(visitorId).getBytes(StandardCharsets.UTF_8));
		}
		byte[] at = Long.toString(erasedAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8);
		byte[] lifetime = Long.toString(this.timeout.toMillis()).getBytes(StandardCharsets.UTF_8);
		this.redis.execute((RedisCallback<Void>) (connection) -> {
			SessionErasures.erase(connection, ERASE_SESSION, keys, at, lifetime, this.connections.commandTimeout());
			return null;
		}, true);
	}

	@Override
	public String type() {
		return "redis";
	}

	static String recordPageViewScript() {
		return RECORD_PAGE_VIEW.getScriptAsString();
	}

	static String recordPageViewSha() {
		return RECORD_PAGE_VIEW.getSha1();
	}

	static byte[] eraseSessionScript() {
		return ERASE_SESSION.clone();
	}

	SessionStoreRedisConnections connections() {
		return this.connections;
	}

	Duration timeout() {
		return this.timeout;
	}

	Supplier<String> sessionIds() {
		return this.sessionIds;
	}

	String maxPageBytes() {
		return this.maxPageBytes;
	}

	/**
	 * The number of keys under the key prefix when last counted. A thread of the store counts them with
	 * {@code SCAN} (on every master of a cluster) once per count interval, from start-up on; this method only
	 * reads the last count, so a metric scrape never walks the key space nor waits for Redis. The count
	 * includes the markers of erasures made within the session timeout, and sessions that expired on the
	 * application's clock but whose keys Redis has not yet dropped; it is 0 before the first count, and stays
	 * as it was while counting fails.
	 * @return the number of stored sessions and erasure markers when last counted
	 */
	@Override
	public long size() {
		// A store built without a container counts from its first use
		this.counter.start();
		return this.counter.lastCount();
	}

	/**
	 * Stop counting the sessions.
	 */
	@Override
	public void destroy() {
		this.counter.stop();
	}

	String cut(String page) {
		if (page.length() <= this.maxPageLength) {
			return page;
		}
		int end = this.maxPageLength;
		return page.substring(0, Character.isHighSurrogate(page.charAt(end - 1)) ? end - 1 : end);
	}

	private static String globEscaped(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 4);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ("*?[]\\".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	String key(String visitorId) {
		return this.keyPrefix + visitorId;
	}

	private static Instant instant(Object epochMillis) {
		return Instant.ofEpochMilli(Long.parseLong((String) epochMillis));
	}

}
