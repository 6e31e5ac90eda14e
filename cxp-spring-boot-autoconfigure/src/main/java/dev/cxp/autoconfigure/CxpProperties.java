package dev.cxp.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of visitor identity and consent, under {@code cxp}.
 *
 * @param enabled Whether to enable visitor identity, consent handling, session tracking, the starter's
 * endpoints and meters; when off, controllers still receive an empty CxpVisitor
 * @param consent Consent decision
 * @param visitor Visitor id cookie
 * @param session Visit sessions
 * @param tracking Page-view tracking
 * @param web The starter's HTTP endpoints
 * @since 0.1.0
 */
@ConfigurationProperties("cxp")
public record CxpProperties(@DefaultValue("true") boolean enabled, @DefaultValue Consent consent,
		@DefaultValue Visitor visitor, @DefaultValue Session session, @DefaultValue Tracking tracking,
		@DefaultValue Web web) {

	public CxpProperties {
		requirePrefixSatisfied(consent.cookieName(), visitor);
	}

	/**
	 * Consent decision.
	 *
	 * @param required Whether tracking needs an explicit grant; when false, a visitor who said nothing
	 * counts as consenting, as in the CXP web SDK (EU regulators read silence as refusal: set it to true there)
	 * @param headerName Name of the request header that carries a consent value
	 * @param cookieName Name of the cookie that records the visitor's consent choice
	 * @param honorGlobalPrivacyControl Whether a "Sec-GPC: 1" request header denies consent when no
	 * explicit choice was made on this site
	 * @param maxAge How long the consent cookie keeps the visitor's choice
	 */
	public record Consent(@DefaultValue("false") boolean required, @DefaultValue("X-CXP-Consent") String headerName,
			@DefaultValue("cxp_consent") String cookieName,
			@DefaultValue("true") boolean honorGlobalPrivacyControl, @DefaultValue("180d") Duration maxAge) {

		public Consent {
			requireToken("cxp.consent.header-name", headerName);
			requireToken("cxp.consent.cookie-name", cookieName);
			requirePositive("cxp.consent.max-age", maxAge);
		}

	}

	/**
	 * Visitor id cookie.
	 *
	 * @param cookieName Name of the cookie that holds the anonymous visitor id
	 * @param maxAge How long the browser keeps the visitor id cookie; set once, never extended by later visits
	 * @param domain Domain of the visitor id cookie, such as "example.com" to share it with subdomains;
	 * host-only when not set
	 * @param sameSite SameSite attribute of the visitor id cookie; None requires secure=true
	 * @param secure Whether to mark the cookie Secure on every response; it is marked Secure on secure
	 * requests in any case
	 * @param httpOnly Whether to hide the visitor id from page scripts; off by default so a client-side SDK
	 * on the page can read it
	 */
	public record Visitor(@DefaultValue("_mspi") String cookieName, @DefaultValue("365d") Duration maxAge,
			@Nullable String domain, @DefaultValue("lax") SameSite sameSite, @DefaultValue("false") boolean secure,
			@DefaultValue("false") boolean httpOnly) {

		public Visitor {
			requireToken("cxp.visitor.cookie-name", cookieName);
			requirePositive("cxp.visitor.max-age", maxAge);
			if (domain != null && !domain.isEmpty() && !isDomain(domain)) {
				throw new IllegalArgumentException(
						"cxp.visitor.domain must be a domain name such as example.com, without scheme, port or path");
			}
			domain = StringUtils.hasText(domain) ? domain : null;
			if (sameSite == SameSite.NONE && !secure) {
				throw new IllegalArgumentException(
						"cxp.visitor.same-site=none requires cxp.visitor.secure=true: browsers reject SameSite=None cookies that are not Secure");
			}
		}

	}

	/**
	 * Visit sessions.
	 *
	 * @param timeout Idle time after which a visit session ends; each page view extends it
	 * @param recordQueryString Whether recorded pages keep their query string; off because query strings
	 * often carry e-mail addresses and tokens
	 * @param maxEntries Most visitors whose sessions the in-memory store holds; the least valuable are
	 * evicted first
	 * @param store Where visit sessions live; by default "redis" when Spring Data Redis and a
	 * RedisConnectionFactory are present, else "memory"
	 * @param redis Redis session store
	 * @param maxMemory Most heap the in-memory store's sessions may take, estimated from above; applies
	 * together with max-entries, whichever bound is reached first
	 */
	public record Session(@DefaultValue("30m") Duration timeout, @DefaultValue("false") boolean recordQueryString,
			@DefaultValue("100000") long maxEntries, @Nullable StoreType store, @DefaultValue Redis redis,
			@DefaultValue("48MB") DataSize maxMemory) {

		public Session {
			requirePositive("cxp.session.timeout", timeout);
			if (maxEntries < 1) {
				throw new IllegalArgumentException("cxp.session.max-entries must be at least 1, was " + maxEntries);
			}
			if (maxMemory.toBytes() < 1) {
				throw new IllegalArgumentException("cxp.session.max-memory must be positive, was " + maxMemory);
			}
		}

	}

	/**
	 * Redis session store.
	 *
	 * @param keyPrefix Prefix of the Redis keys that hold visit sessions, followed by the visitor id
	 * @param timeout Longest wait for a Redis command before the request is served without tracking
	 * @param connectTimeout Longest wait for a connection to Redis, at start-up and on each reconnection
	 * attempt in the background
	 * @param maxPageLength Longest page, in characters, stored in Redis for the current and the previous
	 * page of a session; longer ones are cut
	 */
	public record Redis(@DefaultValue("cxp:session:") String keyPrefix, @DefaultValue("100ms") Duration timeout,
			@DefaultValue("2s") Duration connectTimeout, @DefaultValue("2048") int maxPageLength) {

		public Redis {
			if (keyPrefix.isEmpty()) {
				throw new IllegalArgumentException("cxp.session.redis.key-prefix must not be empty");
			}
			requirePositive("cxp.session.redis.timeout", timeout);
			requirePositive("cxp.session.redis.connect-timeout", connectTimeout);
			if (maxPageLength < 1 || maxPageLength > 2048) {
				throw new IllegalArgumentException(
						"cxp.session.redis.max-page-length must be between 1 and 2048, was " + maxPageLength);
			}
		}

	}

	/**
	 * Page-view tracking.
	 *
	 * @param excludePatterns Path patterns, such as "/health/**", of requests never tracked as page views
	 */
	public record Tracking(@DefaultValue List<String> excludePatterns) {

	}

	/**
	 * The starter's HTTP endpoints.
	 *
	 * @param basePath Path under which the consent endpoint, the visitor endpoint and the browser script
	 * are served
	 * @param consentEndpoint Consent endpoint
	 */
	public record Web(@DefaultValue("/cxp") String basePath, @DefaultValue ConsentEndpoint consentEndpoint) {

		public Web {
			if (!basePath.startsWith("/") || basePath.length() < 2 || basePath.endsWith("/")) {
				throw new IllegalArgumentException(
						"cxp.web.base-path must start with '/', must not end with '/' and must not be '/' alone");
			}
		}

	}

	/**
	 * Consent endpoint.
	 *
	 * @param enabled Whether to serve GET, PUT and DELETE on the consent endpoint
	 */
	public record ConsentEndpoint(@DefaultValue("true") boolean enabled) {

	}

	/**
	 * Values of the SameSite cookie attribute.
	 */
	public enum SameSite {

		/**
		 * Sent only with same-site requests.
		 */
		STRICT("Strict"),

		/**
		 * Sent with same-site requests and top-level cross-site navigations.
		 */
		LAX("Lax"),

		/**
		 * Sent with every request; requires Secure.
		 */
		NONE("None");

		private final String attributeValue;

		SameSite(String attributeValue) {
			this.attributeValue = attributeValue;
		}

		/**
		 * The attribute's value as written in {@code Set-Cookie}.
		 * @return the value
		 */
		public String attributeValue() {
			return this.attributeValue;
		}

	}

	/**
	 * Where visit sessions live.
	 */
	public enum StoreType {

		/**
		 * On this node, in a bounded Caffeine cache.
		 */
		MEMORY,

		/**
		 * In Redis, shared by every instance of the application.
		 */
		REDIS

	}

	// A browser drops a __Host- cookie unless it is Secure, host-only and for Path=/, and a __Secure- one
	// unless it is Secure: refuse a configuration that would have it silently drop every consent choice.
	private static void requirePrefixSatisfied(String consentCookieName, Visitor visitor) {
		boolean host = consentCookieName.regionMatches(true, 0, "__Host-", 0, 7);
		if (!host && !consentCookieName.regionMatches(true, 0, "__Secure-", 0, 9)) {
			return;
		}
		String prefix = host ? "__Host-" : "__Secure-";
		if (!visitor.secure()) {
			throw new IllegalArgumentException("cxp.consent.cookie-name=" + consentCookieName
					+ " requires cxp.visitor.secure=true: browsers reject " + prefix + " cookies that are not Secure");
		}
		if (host && visitor.domain() != null) {
			throw new IllegalArgumentException("cxp.consent.cookie-name=" + consentCookieName
					+ " requires cxp.visitor.domain to be unset: browsers reject __Host- cookies that have a Domain");
		}
	}

	private static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(property + " must be positive, was " + value);
		}
	}

	private static void requireToken(String property, String value) {
		if (value.isEmpty()) {
			throw new IllegalArgumentException(property + " must not be empty");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
				throw new IllegalArgumentException(property + " must be a valid cookie or header name, was '"
						+ value + "'");
			}
		}
	}

	private static boolean isDomain(String domain) {
		for (int i = 0; i < domain.length(); i++) {
			char c = domain.charAt(i);
			if (!(Character.isLetterOrDigit(c) && c < 127) && c != '-' && c != '.') {
				return false;
			}
		}
		return true;
	}

}
