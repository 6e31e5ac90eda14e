package dev.cxp.autoconfigure;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reading the IAB Global Privacy Platform string of a consent management platform, under
 * {@code cxp.consent.gpp}.
 *
 * @param enabled Whether to read the GPP string that a consent management platform keeps in a cookie
 * @param cookieName Name of the cookie that holds the GPP string
 * @param sidCookieName Name of the cookie that holds the ids of the GPP sections that apply
 * @param optOutDenies Starter purposes that a sale, sharing or targeted-advertising opt-out in a US section
 * denies; none by default, so that a US opt-out leaves analytics to the consent policy
 * @since 0.2.0
 */
@ConfigurationProperties("cxp.consent.gpp")
public record CxpGppProperties(@DefaultValue("false") boolean enabled, @DefaultValue("__gpp") String cookieName,
		@DefaultValue("__gpp_sid") String sidCookieName, @DefaultValue List<String> optOutDenies) {

	public CxpGppProperties {
		CxpTcfProperties.requireCookieName("cxp.consent.gpp.cookie-name", cookieName);
		CxpTcfProperties.requireCookieName("cxp.consent.gpp.sid-cookie-name", sidCookieName);
		for (String purpose : optOutDenies) {
			if (purpose == null || purpose.isBlank()) {
				throw new IllegalArgumentException("cxp.consent.gpp.opt-out-denies must not hold an empty purpose name");
			}
		}
		optOutDenies = List.copyOf(optOutDenies);
	}

}
