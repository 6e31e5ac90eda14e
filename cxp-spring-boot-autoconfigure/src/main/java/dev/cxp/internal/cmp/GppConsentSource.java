package dev.cxp.internal.cmp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentSources;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.ConsentRegions;

/**
 * The GPP string of a consent management platform ({@code cxp.consent.gpp.cookie-name}, {@code __gpp} by
 * default, with its applicable section ids), as a source of the default resolution (SPEC S11.4). The {@code Gpc}
 * flag of a US section counts as {@code Sec-GPC: 1} where the visitor's region honours Global Privacy Control:
 * it denies every purpose the string leaves open, with this source's name.
 */
public final class GppConsentSource implements ConsentSource {

	private final CmpConsentReader reader;

	private final GppSettings settings;

	private final ConsentPurposes purposes;

	private final ConsentRegions regions;

	/**
	 * Create the source.
	 * @param reader the reader of consent strings, with GPP strings switched on
	 * @param settings how the GPP string is read
	 * @param purposes the configured purposes, which a GPC flag denies
	 * @param regions where Global Privacy Control is honoured
	 */
	public GppConsentSource(CmpConsentReader reader, GppSettings settings, ConsentPurposes purposes,
			ConsentRegions regions) {
		this.reader = reader;
		this.settings = settings;
		this.purposes = purposes;
		this.regions = regions;
	}

	@Override
	public String name() {
		return ConsentSources.GPP;
	}

	@Override
	public Map<String, ConsentState> states(ConsentRequest request) {
		List<String> values = request.cookies(this.settings.cookieName());
		CmpConsent consent = values.isEmpty() ? null
				: this.reader.readGpp(values, request.cookies(this.settings.sidCookieName()));
		if (consent == null) {
			return Map.of();
		}
		if (!consent.globalPrivacyControl() || !this.regions.resolve(request).honorGlobalPrivacyControl()) {
			return consent.purposes();
		}
		Map<String, ConsentState> states = new LinkedHashMap<>(consent.purposes());
		this.purposes.names().forEach((purpose) -> states.putIfAbsent(purpose, ConsentState.DENIED));
		return states;
	}

}
