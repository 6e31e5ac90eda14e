package dev.cxp.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentCookieSigner;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.RegionCodes;
import dev.cxp.visitor.CxpVisitor;

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
 * @param gateway The starter on a Spring Cloud Gateway
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "cxp", ignoreUnknownFields = false)
public record CxpProperties(@DefaultValue("true") boolean enabled, @DefaultValue Consent consent,
		@DefaultValue Visitor visitor, @DefaultValue Session session, @DefaultValue Tracking tracking,
		@DefaultValue Web web, @DefaultValue Gateway gateway) {

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
	 * @param purposes Purposes the site asks consent for, such as analytics, ads and personalization
	 * @param trackingPurpose Purpose that gates the starter's own tracking (visitor id, sessions, page-view
	 * events); one of the purposes
	 * @param revision Revision of the privacy policy; a grant recorded under another revision no longer
	 * counts and the visitor is asked again, while a recorded refusal stays a refusal
	 * @param deniedMaxAge How long the consent cookie keeps a choice that grants no purpose; max-age when not set
	 * @param region Where the visitor's region is read from
	 * @param regions Consent settings per region code (ISO 3166-1 alpha-2 country such as DE, ISO 3166-2
	 * subdivision such as US-CA, or EEA), overriding the global ones; the most specific region wins; needs
	 * region.header
	 * @param signing Signing of the consent cookie
	 * @param tcf Reading the IAB TCF v2.2 TC string of a consent management platform
	 * @param gpp Reading the IAB Global Privacy Platform string of a consent management platform
	 * @param ledger The consent ledger, proof of each choice made through the consent endpoint
	 * @param cmp Reading the cookies of consent management platforms that keep the visitor's choice per category
	 * (OneTrust, Cookiebot, klaro, cookieconsent)
	 * @param googleConsentMode Google Consent Mode v2 signals for Google tags on the site's pages
	 * @param followUser Consent that follows the signed-in user from browser to browser, with Spring Security
	 */
	public record Consent(@DefaultValue("false") boolean required, @DefaultValue("X-CXP-Consent") String headerName,
			@DefaultValue("cxp_consent") String cookieName,
			@DefaultValue("true") boolean honorGlobalPrivacyControl, @DefaultValue("180d") Duration maxAge,
			@DefaultValue("analytics") List<String> purposes, @DefaultValue("analytics") String trackingPurpose,
			@DefaultValue("1") String revision, @Nullable Duration deniedMaxAge, @DefaultValue Region region,
			@DefaultValue Map<String, RegionDefaults> regions, @DefaultValue Signing signing, @DefaultValue Tcf tcf,
			@DefaultValue Gpp gpp, @DefaultValue Ledger ledger, @DefaultValue Cmp cmp,
			@DefaultValue GoogleConsentMode googleConsentMode, @DefaultValue FollowUser followUser) {

		public Consent {
			requireToken("cxp.consent.header-name", headerName);
			requireToken("cxp.consent.cookie-name", cookieName);
			requirePositive("cxp.consent.max-age", maxAge);
			ConsentPurposes configured = ConsentPurposes.of(purposes, trackingPurpose);
			if (!ConsentCookieFormat.isValidRevision(revision)) {
				throw new IllegalArgumentException("cxp.consent.revision must be 1 to "
						+ ConsentCookieFormat.MAX_REVISION_LENGTH
						+ " characters of A-Z, a-z, 0-9, _ and - (write 2.1 as 2_1 or 2-1), was '" + revision + "'");
			}
			deniedMaxAge = (deniedMaxAge != null) ? deniedMaxAge : maxAge;
			requirePositive("cxp.consent.denied-max-age", deniedMaxAge);
			regions.keySet().forEach((code) -> RegionCodes.canonical("cxp.consent.regions." + code, code));
			googleConsentMode.types().forEach((type, purpose) -> {
				if (!configured.contains(purpose)) {
					throw new IllegalArgumentException("cxp.consent.google-consent-mode.types." + type + "=" + purpose
							+ " is not one of cxp.consent.purposes " + configured.names());
				}
			});
			if (!regions.isEmpty() && region.header() == null) {
				// Without the header no visitor has a region: every one would silently get the global settings
				throw new IllegalArgumentException("cxp.consent.regions is set (" + String.join(", ", regions.keySet())
						+ ") but cxp.consent.region.header is not: set it to the header in which your edge sends the "
						+ "visitor's country (such as CF-IPCountry), or remove cxp.consent.regions");
			}
			if (followUser.enabled() && (!ledger.enabled() || ledger.visitorIdKey() == null)) {
				// The user's link is a keyed hash: without a key the ledger would hold a guessable one
				throw new IllegalArgumentException("cxp.consent.follow-user.enabled=true needs the consent ledger "
						+ "(cxp.consent.ledger.enabled) and a secret cxp.consent.ledger.visitor-id-key, with which the "
						+ "ledger keys each user's link; set the key, or turn cxp.consent.follow-user.enabled off");
			}
		}

		/**
		 * The configured purposes.
		 * @return the purposes, with the tracking purpose
		 */
		public ConsentPurposes consentPurposes() {
			return ConsentPurposes.of(this.purposes, this.trackingPurpose);
		}

	}

	/**
	 * Signing of the consent cookie.
	 *
	 * @param keys Keys that sign the consent cookie, base64, each at least 32 bytes decoded; the first signs
	 * and every one verifies. When set, a grant counts only from a correctly signed cookie (a denial counts
	 * from any). Not signed when empty
	 */
	public record Signing(@DefaultValue List<String> keys) {

		public Signing {
			for (int i = 0; i < keys.size(); i++) {
				decode(i, keys.get(i));
			}
		}

		/**
		 * Whether the consent cookie is signed.
		 * @return {@code true} when keys are configured
		 */
		public boolean enabled() {
			return !this.keys.isEmpty();
		}

		/**
		 * The keys, decoded.
		 * @return the keys, in the configured order
		 */
		public List<byte[]> decodedKeys() {
			List<byte[]> decoded = new ArrayList<>(this.keys.size());
			for (int i = 0; i < this.keys.size(); i++) {
				decoded.add(decode(i, this.keys.get(i)));
			}
			return decoded;
		}

		// Messages name the property, never the key: it is a secret.
		private static byte[] decode(int index, String key) {
			String property = "cxp.consent.signing.keys[" + index + "]";
			byte[] decoded;
			try {
				decoded = Base64.getDecoder().decode(key.strip());
			}
			catch (IllegalArgumentException ex) {
				try {
					decoded = Base64.getUrlDecoder().decode(key.strip());
				}
				catch (IllegalArgumentException urlEx) {
					throw new IllegalArgumentException(property + " must be base64, such as the output of "
							+ "'openssl rand -base64 32'");
				}
			}
			if (decoded.length < ConsentCookieSigner.MIN_KEY_LENGTH) {
				throw new IllegalArgumentException(property + " must be at least "
						+ ConsentCookieSigner.MIN_KEY_LENGTH + " bytes once decoded, was " + decoded.length
						+ " bytes; generate one with 'openssl rand -base64 32'");
			}
			return decoded;
		}

	}

	/**
	 * Reading the IAB TCF v2.2 TC string of a consent management platform.
	 *
	 * @param enabled Whether to read the TC string that a consent management platform keeps in a cookie
	 * @param cookieName Name of the cookie that holds the TC string
	 * @param purposes For each starter purpose, the TCF purpose ids (1 to 11) that must all have consent for it
	 * to be granted; analytics, when it is one of the purposes, needs purpose 1 unless it is mapped here
	 * @param usePublisherSegment Whether to read the purpose consents of the publisher TC segment instead of the
	 * core ones, when the string carries that segment
	 */
	public record Tcf(@DefaultValue("false") boolean enabled, @DefaultValue("euconsent-v2") String cookieName,
			@Nullable Map<String, List<Integer>> purposes, @DefaultValue("false") boolean usePublisherSegment) {

		/**
		 * The mapping of analytics unless it is mapped otherwise: TCF purpose 1 (store or access information on
		 * a device).
		 */
		static final List<Integer> DEFAULT_ANALYTICS = List.of(1);

		/**
		 * The highest TCF v2.2 purpose id.
		 */
		static final int MAX_TCF_PURPOSE = 11;

		public Tcf {
			// The default mapping of analytics is added where the configured purposes are known
			requireToken("cxp.consent.tcf.cookie-name", cookieName);
			purposes = (purposes == null) ? Map.of() : checked(purposes);
		}

		private static Map<String, List<Integer>> checked(Map<String, List<Integer>> purposes) {
			Map<String, List<Integer>> checked = new LinkedHashMap<>();
			purposes.forEach((purpose, ids) -> {
				String property = "cxp.consent.tcf.purposes." + purpose;
				if (purpose.isBlank()) {
					throw new IllegalArgumentException("cxp.consent.tcf.purposes must not map an empty purpose name");
				}
				if (ids == null || ids.isEmpty()) {
					// An empty list would be granted by every string
					throw new IllegalArgumentException(property + " must list at least one TCF purpose id");
				}
				for (Integer id : ids) {
					if (id == null || id < 1 || id > MAX_TCF_PURPOSE) {
						throw new IllegalArgumentException(property + " must list TCF purpose ids from 1 to "
								+ MAX_TCF_PURPOSE + ", was " + ids);
					}
				}
				checked.put(purpose, List.copyOf(ids));
			});
			return Collections.unmodifiableMap(checked);
		}

	}

	/**
	 * Reading the IAB Global Privacy Platform string of a consent management platform.
	 *
	 * @param enabled Whether to read the GPP string that a consent management platform keeps in a cookie
	 * @param cookieName Name of the cookie that holds the GPP string
	 * @param sidCookieName Name of the cookie that holds the ids of the GPP sections that apply
	 * @param optOutDenies Starter purposes that a sale, sharing or targeted-advertising opt-out in a US section
	 * denies; none by default, so that a US opt-out leaves analytics to the consent policy
	 */
	public record Gpp(@DefaultValue("false") boolean enabled, @DefaultValue("__gpp") String cookieName,
			@DefaultValue("__gpp_sid") String sidCookieName, @DefaultValue List<String> optOutDenies) {

		public Gpp {
			requireToken("cxp.consent.gpp.cookie-name", cookieName);
			requireToken("cxp.consent.gpp.sid-cookie-name", sidCookieName);
			for (String purpose : optOutDenies) {
				if (purpose == null || purpose.isBlank()) {
					throw new IllegalArgumentException(
							"cxp.consent.gpp.opt-out-denies must not hold an empty purpose name");
				}
			}
			optOutDenies = List.copyOf(optOutDenies);
		}

	}

	/**
	 * Consent that follows the signed-in user.
	 *
	 * @param enabled Whether a choice made while signed in is linked to the user (an HMAC of the principal's name
	 * with cxp.consent.ledger.visitor-id-key) and restored on the user's other browsers at sign-in; needs Spring
	 * Security and the consent ledger
	 */
	public record FollowUser(@DefaultValue("false") boolean enabled) {

	}

	/**
	 * The consent ledger, proof of each choice made through the consent endpoint.
	 *
	 * @param enabled Whether to keep a ledger of consent choices when the application has a DataSource
	 * @param initializeSchema When to create the ledger's table at start-up; the scripts create only what is
	 * missing, so "always" is safe on H2 and PostgreSQL
	 * @param retention How long a consent record is kept before the purge deletes it
	 * @param purgeInterval Time between two purges of the records older than the retention period
	 * @param visitorIdKey Secret key with which the visitor id is replaced by its HMAC-SHA256 in the ledger;
	 * when not set, the visitor id is kept as issued; a blank key fails start-up
	 * @param recordIp Whether to keep the network of the visitor's address (IPv4 /24, IPv6 /48) or nothing of it
	 * @param timeout Longest time a request waits for the ledger, also the query timeout of each JDBC statement
	 * (in whole seconds, rounded up); past it the choice stands without a record
	 * @param maxConcurrentCalls Most calls of the ledger from requests in flight at once; beyond it a choice
	 * stands without a record at once rather than waiting
	 * @param maxWritesPerSecond Most consent records appended per second, sustained; choices beyond it stand
	 * without a record
	 * @param maxWriteBurst Most consent records appended at once after a quiet period, before
	 * max-writes-per-second applies
	 */
	public record Ledger(@DefaultValue("true") boolean enabled,
			@DefaultValue("always") InitializeSchema initializeSchema, @DefaultValue("1095d") Duration retention,
			@DefaultValue("1d") Duration purgeInterval, @Nullable String visitorIdKey,
			@DefaultValue("none") RecordIp recordIp, @DefaultValue("1s") Duration timeout,
			@DefaultValue("4") int maxConcurrentCalls, @DefaultValue("10") int maxWritesPerSecond,
			@DefaultValue("100") int maxWriteBurst) {

		public Ledger {
			requirePositive("cxp.consent.ledger.retention", retention);
			requirePositive("cxp.consent.ledger.purge-interval", purgeInterval);
			if (visitorIdKey != null && visitorIdKey.isBlank()) {
				throw new IllegalArgumentException("cxp.consent.ledger.visitor-id-key must not be blank: a blank key "
						+ "would keep visitor ids as issued while looking set; set a secret, or leave the property "
						+ "unset to keep the ids as issued");
			}
			requirePositive("cxp.consent.ledger.timeout", timeout);
			requireAtLeastOne("cxp.consent.ledger.max-concurrent-calls", maxConcurrentCalls);
			requireAtLeastOne("cxp.consent.ledger.max-writes-per-second", maxWritesPerSecond);
			requireAtLeastOne("cxp.consent.ledger.max-write-burst", maxWriteBurst);
		}

		private static void requireAtLeastOne(String property, int value) {
			if (value < 1) {
				throw new IllegalArgumentException(property + " must be at least 1, was " + value);
			}
		}

	}

	/**
	 * When the consent ledger's table is created.
	 */
	public enum InitializeSchema {

		/**
		 * At every start-up, when it is missing.
		 */
		ALWAYS,

		/**
		 * Only in an embedded database.
		 */
		EMBEDDED,

		/**
		 * Never: the table is managed elsewhere.
		 */
		NEVER

	}

	/**
	 * How much of the visitor's address the ledger keeps.
	 */
	public enum RecordIp {

		/**
		 * Nothing of the address.
		 */
		NONE,

		/**
		 * The network of the address: IPv4 /24, IPv6 /48.
		 */
		TRUNCATED

	}

	/**
	 * Reading the cookies of consent management platforms that keep the visitor's choice per category. A purpose
	 * is granted when every mapped category is accepted and denied when any is refused; disagreeing platforms deny.
	 *
	 * @param onetrust OneTrust's cookie, OptanonConsent
	 * @param cookiebot Cookiebot's cookie, CookieConsent
	 * @param klaro klaro's cookie
	 * @param cookieconsent orestbida's cookieconsent v3 cookie, cc_cookie
	 */
	public record Cmp(@DefaultValue OneTrust onetrust, @DefaultValue Cookiebot cookiebot, @DefaultValue Klaro klaro,
			@DefaultValue CookieConsent cookieconsent) {

	}

	/**
	 * OneTrust's cookies.
	 *
	 * @param enabled Whether to read the visitor's choice from OneTrust's cookie
	 * @param cookieName Name of the cookie in which OneTrust keeps the visitor's choice
	 * @param alertBoxClosedCookieName Name of the cookie OneTrust writes once the visitor closed its banner; before
	 * the visitor used the banner, OneTrust's defaults say nothing
	 * @param groups For each purpose, the OneTrust group ids that must all be accepted for it to be granted; a
	 * refusal of any of them denies it (by default analytics needs C0002, ads C0004, where those purposes are
	 * configured)
	 */
	public record OneTrust(@DefaultValue("false") boolean enabled, @DefaultValue("OptanonConsent") String cookieName,
			@DefaultValue("OptanonAlertBoxClosed") String alertBoxClosedCookieName,
			@DefaultValue Map<String, List<String>> groups) {

		public OneTrust {
			requireToken("cxp.consent.cmp.onetrust.cookie-name", cookieName);
			requireToken("cxp.consent.cmp.onetrust.alert-box-closed-cookie-name", alertBoxClosedCookieName);
			groups = checkedCategories("cxp.consent.cmp.onetrust.groups.", groups);
		}

	}

	/**
	 * Cookiebot's cookie.
	 *
	 * @param enabled Whether to read the visitor's choice from Cookiebot's cookie
	 * @param cookieName Name of the cookie in which Cookiebot keeps the visitor's choice
	 * @param categories For each purpose, the Cookiebot categories (preferences, statistics, marketing) that must
	 * all be accepted for it to be granted; a refusal of any of them denies it (by default analytics needs
	 * statistics, ads marketing, where those purposes are configured)
	 */
	public record Cookiebot(@DefaultValue("false") boolean enabled, @DefaultValue("CookieConsent") String cookieName,
			@DefaultValue Map<String, List<String>> categories) {

		public Cookiebot {
			requireToken("cxp.consent.cmp.cookiebot.cookie-name", cookieName);
			categories = checkedCategories("cxp.consent.cmp.cookiebot.categories.", categories);
		}

	}

	/**
	 * klaro's cookie.
	 *
	 * @param enabled Whether to read the visitor's choice from klaro's cookie
	 * @param cookieName Name of the cookie in which klaro keeps the visitor's choice (klaro's storageName)
	 * @param services For each purpose, the klaro services that must all be accepted for it to be granted; a
	 * refusal of any of them denies it; service names are the site's own, so there is no default
	 */
	public record Klaro(@DefaultValue("false") boolean enabled, @DefaultValue("klaro") String cookieName,
			@DefaultValue Map<String, List<String>> services) {

		public Klaro {
			requireToken("cxp.consent.cmp.klaro.cookie-name", cookieName);
			services = checkedCategories("cxp.consent.cmp.klaro.services.", services);
			if (enabled && services.isEmpty()) {
				throw new IllegalArgumentException("cxp.consent.cmp.klaro.enabled needs "
						+ "cxp.consent.cmp.klaro.services.<purpose>: klaro's service names are the site's own, so "
						+ "map the services each purpose needs, such as cxp.consent.cmp.klaro.services.analytics=matomo");
			}
		}

	}

	/**
	 * orestbida's cookieconsent v3 cookie.
	 *
	 * @param enabled Whether to read the visitor's choice from cookieconsent's cookie
	 * @param cookieName Name of the cookie in which cookieconsent keeps the visitor's choice
	 * @param categories For each purpose, the site's cookieconsent categories that must all be accepted for it to
	 * be granted; a category the cookie does not list denies it (by default analytics needs analytics, ads needs
	 * ads, where those purposes are configured)
	 * @param revision The site's cookieconsent revision; a choice made under another revision grants nothing,
	 * though its refusals still count; any revision when not set
	 */
	public record CookieConsent(@DefaultValue("false") boolean enabled, @DefaultValue("cc_cookie") String cookieName,
			@DefaultValue Map<String, List<String>> categories, @Nullable Integer revision) {

		public CookieConsent {
			requireToken("cxp.consent.cmp.cookieconsent.cookie-name", cookieName);
			categories = checkedCategories("cxp.consent.cmp.cookieconsent.categories.", categories);
		}

	}

	/**
	 * Google Consent Mode v2.
	 *
	 * @param enabled Whether to give Google tags Consent Mode v2 signals: in the consent endpoint's answers, as the
	 * page's default before any tag runs, and as an update after each choice
	 * @param types For each Consent Mode type (analytics_storage, ad_storage, ad_user_data, ad_personalization),
	 * the purpose whose effective state it takes (by default analytics_storage takes analytics, and the three ad
	 * types take ads where that purpose is configured)
	 */
	public record GoogleConsentMode(@DefaultValue("false") boolean enabled, @DefaultValue Map<String, String> types) {

		/**
		 * The Consent Mode v2 types.
		 */
		public static final List<String> TYPES = List.of("analytics_storage", "ad_storage", "ad_user_data",
				"ad_personalization");

		public GoogleConsentMode {
			for (String type : types.keySet()) {
				if (!TYPES.contains(type)) {
					throw new IllegalArgumentException("cxp.consent.google-consent-mode.types." + type
							+ " is not a Consent Mode v2 type; the types are " + TYPES);
				}
			}
			types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
		}

	}

	/**
	 * Where the visitor's region is read from.
	 *
	 * @param header Name of the request header in which a trusted edge sends the visitor's ISO 3166-1 alpha-2
	 * country, such as CF-IPCountry or CloudFront-Viewer-Country; regional settings are off when not set. The
	 * edge must overwrite any value the client sent
	 * @param subdivisionHeader Name of the request header in which the edge sends the visitor's first-level
	 * subdivision, as CA or as US-CA, such as CloudFront-Viewer-Country-Region
	 */
	public record Region(@Nullable String header, @Nullable String subdivisionHeader) {

		public Region {
			header = StringUtils.hasText(header) ? header : null;
			subdivisionHeader = StringUtils.hasText(subdivisionHeader) ? subdivisionHeader : null;
			if (header != null) {
				requireToken("cxp.consent.region.header", header);
			}
			if (subdivisionHeader != null) {
				requireToken("cxp.consent.region.subdivision-header", subdivisionHeader);
			}
		}

	}

	/**
	 * Consent settings of one region; a setting left unset is taken from the less specific region.
	 *
	 * @param required Whether tracking needs an explicit grant for visitors from the region
	 * @param honorGlobalPrivacyControl Whether a "Sec-GPC: 1" request header denies consent for visitors from
	 * the region
	 */
	public record RegionDefaults(@Nullable Boolean required, @Nullable Boolean honorGlobalPrivacyControl) {

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
	 * The starter on a Spring Cloud Gateway.
	 *
	 * @param forwardHeaders Whether to add to each routed request the visitor id (X-CXP-Visitor-Id, only with
	 * effective consent) and the effective state of every purpose (X-CXP-Consent, such as
	 * analytics=granted,ads=denied); copies of these headers sent by clients are always removed
	 */
	public record Gateway(@DefaultValue("false") boolean forwardHeaders) {

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

	// A platform's mapping: non-empty category lists of non-blank names
	private static Map<String, List<String>> checkedCategories(String property,
			Map<String, List<String>> mapping) {
		Map<String, List<String>> checked = new LinkedHashMap<>();
		mapping.forEach((purpose, categories) -> {
			if (categories == null || categories.isEmpty() || categories.stream().anyMatch(String::isBlank)) {
				throw new IllegalArgumentException(property + purpose + " must list at least one category, and no "
						+ "empty one: an empty list would be granted by every cookie");
			}
			checked.put(purpose, List.copyOf(categories));
		});
		return Collections.unmodifiableMap(checked);
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
