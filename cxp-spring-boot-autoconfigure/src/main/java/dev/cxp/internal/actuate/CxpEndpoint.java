package dev.cxp.internal.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.activity.CxpActivity;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.cmp.GppSettings;
import dev.cxp.internal.cmp.TcfSettings;
import dev.cxp.internal.consent.RegionSettings;
import dev.cxp.internal.ledger.ConsentLedgerCounters;
import dev.cxp.internal.platform.PlatformConsentReader;
import dev.cxp.internal.platform.PlatformCookies;
import dev.cxp.internal.visitor.CookieAttributes;
import dev.cxp.session.VisitorSessionStore;

/**
 * The {@code cxp} Actuator endpoint: the configuration in effect and live figures, so that operators can
 * see what the starter decides. It never shows a visitor id.
 *
 * @since 0.1.0
 */
@Endpoint(id = "cxp")
public class CxpEndpoint {

	private final ConfigurationDescriptor configuration;

	private final CxpActivity activity;

	private final VisitorSessionStore store;

	private final @Nullable CmpConsentReader consentStrings;

	private final PlatformCookies platforms;

	private final @Nullable ConsentLedgerCounters ledgerCounters;

	private final @Nullable Duration ledgerRetention;

	/**
	 * Create the endpoint.
	 * @param configuration the configuration in effect
	 * @param activity the counts since start-up, the same the meters read
	 * @param store the session store, for its type and size
	 * @param consentStrings the reader of the TC and GPP strings, {@code null} when they are not read
	 * @param platforms the consent platforms' cookies read, possibly none
	 * @param ledgerCounters the consent ledger's counts, {@code null} when the ledger is off
	 * @param ledgerRetention how long the ledger keeps a record, {@code null} when the ledger is off
	 */
	public CxpEndpoint(ConfigurationDescriptor configuration, CxpActivity activity, VisitorSessionStore store,
			@Nullable CmpConsentReader consentStrings, PlatformCookies platforms,
			@Nullable ConsentLedgerCounters ledgerCounters, @Nullable Duration ledgerRetention) {
		this.platforms = platforms;
		this.ledgerCounters = ledgerCounters;
		this.ledgerRetention = ledgerRetention;
		this.configuration = configuration;
		this.activity = activity;
		this.store = store;
		this.consentStrings = consentStrings;
	}

	/**
	 * Describe the configuration and the figures.
	 * @return the description
	 */
	@ReadOperation
	public CxpDescriptor cxp() {
		long activeSessions;
		try {
			activeSessions = this.store.size();
		}
		catch (RuntimeException ex) {
			activeSessions = -1;
		}
		Map<ConsentState, Long> decisions = new EnumMap<>(ConsentState.class);
		for (ConsentState state : ConsentState.values()) {
			decisions.put(state, this.activity.decisions(state));
		}
		Figures figures = new Figures(decisions, this.activity.effectiveDecisions(), activeSessions,
				this.activity.sessionsStarted(), this.activity.pageViews(), this.activity.visitorsCreated(),
				this.activity.visitorsErased(), this.activity.visitorsInvalid(), this.activity.storeErrors());
		return new CxpDescriptor(this.configuration, this.store.type(), figures, consentStrings(), ledger());
	}

	private @Nullable ConsentStringsDescriptor consentStrings() {
		CmpConsentReader reader = this.consentStrings;
		if (reader == null && this.platforms.readers().isEmpty()) {
			return null;
		}
		Map<String, Long> invalid = new LinkedHashMap<>();
		List<PlatformDescriptor> platforms = new ArrayList<>();
		for (PlatformConsentReader platform : this.platforms.readers()) {
			platforms.add(new PlatformDescriptor(platform.name(), platform.cookieName(), platform.mapping()));
			invalid.put(platform.name(), platform.invalidValues());
		}
		if (reader != null) {
			invalid.put(CmpConsentReader.KIND_TCF, reader.invalidStrings(CmpConsentReader.KIND_TCF));
			invalid.put(CmpConsentReader.KIND_GPP, reader.invalidStrings(CmpConsentReader.KIND_GPP));
		}
		return new ConsentStringsDescriptor(platforms, (reader != null) ? reader.tcfSettings() : null,
				(reader != null) ? reader.gppSettings() : null, invalid);
	}

	private Ledger ledger() {
		ConsentLedgerCounters counters = this.ledgerCounters;
		if (counters == null) {
			return new Ledger(false, null, 0, 0, 0, 0);
		}
		return new Ledger(true, this.ledgerRetention, counters.records(), counters.appendErrors(),
				counters.purgeErrors(), counters.purgedRecords());
	}

	/**
	 * What the endpoint answers.
	 *
	 * @param configuration the configuration in effect
	 * @param store the type of the session store in use
	 * @param figures live figures since start-up
	 * @param consentStrings which consent strings of a consent management platform are read and how,
	 * {@code null} when none is read
	 * @param ledger the consent ledger's state and counts, never its records
	 */
	public record CxpDescriptor(ConfigurationDescriptor configuration, String store, Figures figures,
			@Nullable ConsentStringsDescriptor consentStrings, Ledger ledger) {

	}

	/**
	 * Which cookies and strings of consent management platforms are read, how they map to the starter's
	 * purposes, and how many were invalid.
	 *
	 * @param platforms the platforms whose own cookies are read, in the order they are consulted
	 * @param tcf how the TC string is read, {@code null} when it is not
	 * @param gpp how the GPP string is read, {@code null} when it is not
	 * @param invalid invalid values since start-up, by kind ({@code onetrust}, {@code cookiebot}, {@code klaro},
	 * {@code cookieconsent}, {@code tcf}, {@code gpp})
	 */
	public record ConsentStringsDescriptor(List<PlatformDescriptor> platforms, @Nullable TcfSettings tcf,
			@Nullable GppSettings gpp, Map<String, Long> invalid) {

	}

	/**
	 * A consent platform whose own cookie is read.
	 *
	 * @param name the platform, also the source of the decisions its cookie makes
	 * @param cookieName the cookie read
	 * @param mapping for each starter purpose, the platform's categories it needs
	 */
	public record PlatformDescriptor(String name, String cookieName, Map<String, List<String>> mapping) {

	}

	/**
	 * The consent ledger: whether it is on, its retention and its counts since start-up. No record is shown.
	 *
	 * @param enabled whether choices are kept in a consent ledger
	 * @param retention how long a record is kept, {@code null} when the ledger is off
	 * @param records records written
	 * @param appendErrors records that could not be written
	 * @param purgeErrors purges that failed
	 * @param purged records deleted by the retention purge
	 * @since 0.2.0
	 */
	public record Ledger(boolean enabled, @Nullable Duration retention, long records, long appendErrors,
			long purgeErrors, long purged) {

	}

	/**
	 * The configuration in effect.
	 *
	 * @param consentRequired whether tracking needs an explicit grant
	 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent
	 * @param consentHeader name of the consent header
	 * @param consentCookie the consent cookie
	 * @param visitorCookie the visitor id cookie
	 * @param sessionTimeout idle time after which a visit session ends
	 * @param recordQueryString whether recorded pages keep their query string
	 * @param maxEntries bound of the in-memory store
	 * @param consent the purposes, the policy revision and the regional settings, {@code null} when not known
	 */
	public record ConfigurationDescriptor(boolean consentRequired, boolean honorGlobalPrivacyControl, String consentHeader,
			CookieAttributes consentCookie, CookieAttributes visitorCookie, Duration sessionTimeout, boolean recordQueryString,
			long maxEntries, @Nullable ConsentModel consent) {

		/**
		 * Create the configuration without the purposes, revision and regions.
		 * @param consentRequired whether tracking needs an explicit grant
		 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent
		 * @param consentHeader name of the consent header
		 * @param consentCookie the consent cookie
		 * @param visitorCookie the visitor id cookie
		 * @param sessionTimeout idle time after which a visit session ends
		 * @param recordQueryString whether recorded pages keep their query string
		 * @param maxEntries bound of the in-memory store
		 */
		public ConfigurationDescriptor(boolean consentRequired, boolean honorGlobalPrivacyControl, String consentHeader,
				CookieAttributes consentCookie, CookieAttributes visitorCookie, Duration sessionTimeout,
				boolean recordQueryString, long maxEntries) {
			this(consentRequired, honorGlobalPrivacyControl, consentHeader, consentCookie, visitorCookie,
					sessionTimeout, recordQueryString, maxEntries, null);
		}

	}

	/**
	 * The purposes, the policy revision and the regional settings in effect.
	 *
	 * @param names the configured purposes
	 * @param trackingPurpose the purpose that gates the starter's tracking
	 * @param revision the current policy revision
	 * @param regionHeader the header the visitor's country is read from, {@code null} when regions are off
	 * @param regions the settings of each configured region
	 * @param signedCookie whether the consent cookie is signed ({@code cxp.consent.signing.keys}, which are never
	 * shown)
	 * @param resolver the class of the consent resolver in use: the starter's, or the application's own
	 * @param sources the sources of consent consulted, in order; empty when the application's resolver replaces
	 * them (Global Privacy Control and the required policy apply in either case)
	 */
	public record ConsentModel(List<String> names, String trackingPurpose, String revision,
			@Nullable String regionHeader, Map<String, RegionSettings> regions, boolean signedCookie, String resolver,
			List<String> sources) {

	}

	/**
	 * Live figures since start-up.
	 *
	 * @param decisions consent decisions by state
	 * @param effectiveDecisions decisions that allowed tracking
	 * @param activeSessions sessions held by the store now, -1 when the store could not tell
	 * @param sessionsStarted visit sessions started
	 * @param pageViews page views tracked
	 * @param visitorsCreated visitor ids issued
	 * @param visitorsErased responses that deleted the visitor id cookie
	 * @param visitorsInvalid incoming visitor ids rejected
	 * @param storeErrors session store failures
	 */
	public record Figures(Map<ConsentState, Long> decisions, long effectiveDecisions, long activeSessions,
			long sessionsStarted, long pageViews, long visitorsCreated, long visitorsErased, long visitorsInvalid,
			long storeErrors) {

	}

}
