package dev.cxp.session.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.ScanOptions;
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
 * {@link PageVisit#applyTo(VisitSession)} on the server, atomically across instances. Times are kept to the
 * millisecond. Failures surface as Spring's {@code DataAccessException}s.
 *
 * @since 0.1.0
 */
public class RedisVisitorSessionStore implements VisitorSessionStore {

	// Read once into a string: a script backed by a resource checks the resource's modification time, under a
	// lock, on every call, which in a jar means opening it again and serialises all page views.
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RECORD_PAGE_VIEW = RedisScript.of(loadScript("record-page-view.lua"),
			List.class);

	private static final List<String> FIELDS = List.of("id", "started", "seen", "expires", "previous", "page");

	private static final long SCAN_BATCH = 1000;

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Clock clock;

	private final Duration countInterval;

	private volatile @Nullable Count count;

	/**
	 * Create a store.
	 * @param connectionFactory the connections to Redis, whose command timeout bounds every call
	 * @param keyPrefix the prefix of the session keys, followed by the visitor id
	 * @param clock the clock that times the refresh of the session count
	 * @param countInterval how long a count of the stored sessions is reused before {@link #size()} counts
	 * again
	 */
	public RedisVisitorSessionStore(RedisConnectionFactory connectionFactory, String keyPrefix, Clock clock,
			Duration countInterval) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keyPrefix = keyPrefix;
		this.clock = clock;
		this.countInterval = countInterval;
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
	public TrackedPageView recordPageView(String visitorId, PageVisit visit) {
		// The script cannot call back for an id, so the one a new session would take is made up front.
		List<?> reply = this.redis.execute(RECORD_PAGE_VIEW, List.of(key(visitorId)),
				Long.toString(visit.timestamp().toEpochMilli()), Long.toString(visit.timeout().toMillis()),
				visit.sessionIds().get(), visit.page());
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
		HashOperations<String, String, String> hashes = this.redis.opsForHash();
		List<String> values = hashes.multiGet(key(visitorId), FIELDS);
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
		this.redis.delete(key(visitorId));
	}

	@Override
	public String type() {
		return "redis";
	}

	/**
	 * The number of session keys, counted with {@code SCAN} over the key prefix at most once per count
	 * interval and reused in between, so frequent metric scrapes do not walk the key space each time.
	 * Includes sessions that expired on the application's clock but whose keys Redis has not yet dropped.
	 * @return the number of stored sessions when last counted
	 */
	@Override
	public long size() {
		Instant now = this.clock.instant();
		Count last = this.count;
		if (last != null && now.isBefore(last.countedAt().plus(this.countInterval))) {
			return last.sessions();
		}
		long sessions = countKeys();
		this.count = new Count(sessions, now);
		return sessions;
	}

	private long countKeys() {
		ScanOptions options = ScanOptions.scanOptions().match(globEscaped(this.keyPrefix) + "*").count(SCAN_BATCH).build();
		long sessions = 0;
		try (Cursor<String> keys = this.redis.scan(options)) {
			while (keys.hasNext()) {
				keys.next();
				sessions++;
			}
		}
		return sessions;
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

	private String key(String visitorId) {
		return this.keyPrefix + visitorId;
	}

	private static Instant instant(Object epochMillis) {
		return Instant.ofEpochMilli(Long.parseLong((String) epochMillis));
	}

	private record Count(long sessions, Instant countedAt) {

	}

}
