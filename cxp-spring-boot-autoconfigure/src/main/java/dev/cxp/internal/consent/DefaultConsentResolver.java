package dev.cxp.internal.consent;

import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRegion;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.cmp.CmpConsent;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.consent.ConsentRegions;

/**
 * The {@link ConsentResolver} used unless the application declares its own. For each purpose it asks, in
 * order, and the first that states the purpose wins: the consent header, the consent cookie, the TC string
 * and then the GPP string of a consent management platform (when a {@link CmpConsentReader} is given), then
 * Global Privacy Control (which denies every purpose not stated yet, where the visitor's region honours it;
 * a GPP string's {@code Gpc} flag counts as such a signal, with source {@code gpp}). An explicit choice made
 * on this site outranks the CMP's strings and the browser-wide GPC preference. The decision's source is the
 * first of these that stated any purpose.
 * <p>
 * Header and cookie values are read with {@link ConsentCookieFormat}: the plain values ({@code granted},
 * {@code denied}, ...) state every purpose, the starter's own format the purposes it names, and a grant
 * recorded under another policy revision reads as unspecified. When the header, or the cookie, arrives
 * several times (a browser sends every domain and path variant of a cookie), the values are combined per
 * purpose and a denial wins. Each value is parsed once; decisions are shared objects, made once per
 * combination of states.
 *
 * @since 0.1.0
 */
public class DefaultConsentResolver implements ConsentResolver {

	private static final String GPC_HEADER = "Sec-GPC";

	private final String headerName;

	private final ConsentCookieReader cookieReader;

	private final ConsentCookieFormat format;

	private final ConsentRegions regions;

	private final int allDenied;

	private final DecisionTable fromHeader;

	private final DecisionTable fromCookie;

	private final DecisionTable fromGpc;

	private final @Nullable CmpConsentReader consentStrings;

	private final DecisionTable fromTcf;

	private final DecisionTable fromGpp;

	/**
	 * Create a resolver that reads the consent cookie itself, for the default purpose ({@code analytics}) and
	 * revision ({@code 1}), without regions.
	 * @param headerName name of the request header that carries consent
	 * @param cookieName name of the cookie that carries consent
	 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent
	 */
	public DefaultConsentResolver(String headerName, String cookieName, boolean honorGlobalPrivacyControl) {
		this(headerName, ConsentCookieReader.named(cookieName), honorGlobalPrivacyControl);
	}

	/**
	 * Create a resolver that takes the consent cookie from a reader, such as the one that reads all of the
	 * starter's cookies in one pass per request, for the default purpose and revision, without regions.
	 * @param headerName name of the request header that carries consent
	 * @param cookieReader reads the consent cookie
	 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent
	 * @since 0.2.0
	 */
	public DefaultConsentResolver(String headerName, ConsentCookieReader cookieReader,
			boolean honorGlobalPrivacyControl) {
		this(headerName, cookieReader, new ConsentCookieFormat(ConsentPurposes.defaults(), "1"),
				ConsentRegions.global(false, honorGlobalPrivacyControl));
	}

	/**
	 * Create a resolver.
	 * @param headerName name of the request header that carries consent
	 * @param cookieReader reads the consent cookie
	 * @param format the consent cookie's format, with the configured purposes and current revision
	 * @param regions where {@code Sec-GPC: 1} is honoured
	 * @since 0.2.0
	 */
	public DefaultConsentResolver(String headerName, ConsentCookieReader cookieReader, ConsentCookieFormat format,
			ConsentRegions regions) {
		this(headerName, cookieReader, format, regions, null);
	}

	/**
	 * Create a resolver that also reads the consent strings of a consent management platform.
	 * @param headerName name of the request header that carries consent
	 * @param cookieReader reads the consent cookie
	 * @param format the consent cookie's format, with the configured purposes and current revision
	 * @param regions where {@code Sec-GPC: 1} is honoured
	 * @param consentStrings reads the TC and GPP strings, or {@code null} to not read them
	 * @since 0.2.0
	 */
	public DefaultConsentResolver(String headerName, ConsentCookieReader cookieReader, ConsentCookieFormat format,
			ConsentRegions regions, @Nullable CmpConsentReader consentStrings) {
		this.consentStrings = consentStrings;
		this.headerName = headerName;
		this.cookieReader = cookieReader;
		this.format = format;
		this.regions = regions;
		ConsentPurposes purposes = format.purposes();
		this.allDenied = PurposeStates.all(purposes.size(), ConsentState.DENIED);
		this.fromHeader = new DecisionTable(purposes, ConsentSources.HEADER);
		this.fromCookie = new DecisionTable(purposes, ConsentSources.COOKIE);
		this.fromGpc = new DecisionTable(purposes, ConsentSources.GPC);
		this.fromTcf = new DecisionTable(purposes, ConsentSources.TCF);
		this.fromGpp = new DecisionTable(purposes, ConsentSources.GPP);
	}

	@Override
	public ConsentDecision resolve(HttpServletRequest request) {
		return resolve(request, this.cookieReader.consentCookies(request));
	}

	/**
	 * Resolve consent with the consent cookies already read, as the starter's request path does, so that the
	 * request's cookies are scanned once.
	 * @param request the current request
	 * @param consentCookies the values of the request's consent cookies
	 * @return the decision
	 * @since 0.2.0
	 */
	public ConsentDecision resolve(HttpServletRequest request, ConsentCookieValues consentCookies) {
		return resolve(request, consentCookies, null);
	}

	/**
	 * Resolve consent with the consent cookies already read and the request's region already looked up, as
	 * the starter's request path does.
	 * @param request the current request
	 * @param consentCookies the values of the request's consent cookies
	 * @param region the settings in effect for the request, or {@code null} to look them up when needed
	 * @return the decision
	 * @since 0.2.0
	 */
	public ConsentDecision resolve(HttpServletRequest request, ConsentCookieValues consentCookies,
			@Nullable ConsentRegion region) {
		int size = consentCookies.size();
		return resolve(request, (size > 0) ? consentCookies.get(0) : null,
				(size > 1) ? consentCookies.asList().subList(1, size) : null, region);
	}

	/**
	 * Resolve consent with the consent cookie values and the region already read, as the starter's request
	 * path does: plain values, so that the object that read them never leaves the path.
	 * @param request the current request
	 * @param consentCookie the value of the first consent cookie, or {@code null} when there is none
	 * @param moreConsentCookies the values of further consent cookies, or {@code null} when there are none
	 * @param region the settings in effect for the request, or {@code null} to look them up when needed
	 * @return the decision
	 * @since 0.2.0
	 */
	public ConsentDecision resolve(HttpServletRequest request, @Nullable String consentCookie,
			@Nullable List<String> moreConsentCookies, @Nullable ConsentRegion region) {
		// Most requests carry no consent header: asking for its first value costs nothing, enumerating does
		int states = (request.getHeader(this.headerName) != null) ? read(request.getHeaders(this.headerName))
				: PurposeStates.ABSENT;
		DecisionTable source = stated(states) ? this.fromHeader : null;
		states = PurposeStates.fill(stated(states) ? states : 0, read(consentCookie, moreConsentCookies));
		source = (source == null && stated(states)) ? this.fromCookie : source;
		// The strings are read only while some purpose is still open, and each at most once
		if (this.consentStrings != null && PurposeStates.fill(states, this.allDenied) != states) {
			CmpConsent tcString = this.consentStrings.readTcf(request.getCookies());
			states = PurposeStates.fill(states, states(tcString, false));
			source = (source == null && stated(states)) ? this.fromTcf : source;
			if (PurposeStates.fill(states, this.allDenied) != states) {
				CmpConsent gppString = this.consentStrings.readGpp(request.getCookies());
				boolean gpc = gppString != null && gppString.globalPrivacyControl()
						&& ((region != null) ? region : this.regions.resolve(request)).honorGlobalPrivacyControl();
				states = PurposeStates.fill(states, states(gppString, gpc));
				source = (source == null && stated(states)) ? this.fromGpp : source;
			}
		}
		if (states != this.allDenied && "1".equals(request.getHeader(GPC_HEADER))
				&& ((region != null) ? region : this.regions.resolve(request)).honorGlobalPrivacyControl()) {
			states = PurposeStates.fill(states, this.allDenied);
			source = (source != null) ? source : this.fromGpc;
		}
		return (source != null) ? source.decision(states) : ConsentDecision.unspecified();
	}

	/**
	 * The states a CMP's answer gives the configured purposes; with {@code gpc}, every purpose it leaves open
	 * is denied as {@code Sec-GPC: 1} would.
	 */
	private int states(@Nullable CmpConsent consent, boolean gpc) {
		if (consent == null) {
			return PurposeStates.ABSENT;
		}
		List<String> names = this.format.purposes().names();
		int states = 0;
		for (int i = 0; i < names.size(); i++) {
			states = PurposeStates.with(states, i, consent.state(names.get(i)));
		}
		return gpc ? PurposeStates.fill(states, this.allDenied) : states;
	}

	private static boolean stated(int states) {
		return states != PurposeStates.ABSENT && states != 0;
	}

	private int read(@Nullable Enumeration<String> values) {
		int states = PurposeStates.ABSENT;
		if (values != null) {
			while (values.hasMoreElements()) {
				states = PurposeStates.combine(states, this.format.read(values.nextElement()));
			}
		}
		return states;
	}

	private int read(@Nullable String first, @Nullable List<String> more) {
		if (first == null) {
			return PurposeStates.ABSENT;
		}
		int states = this.format.readCookie(first);
		if (more != null) {
			for (int i = 0; i < more.size(); i++) {
				states = PurposeStates.combine(states, this.format.readCookie(more.get(i)));
			}
		}
		return states;
	}

}
