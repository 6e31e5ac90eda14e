package dev.cxp.internal.cmp;

import java.util.List;

/**
 * How the GPP string is read: which cookies, and which starter purposes a US opt-out denies.
 *
 * @param cookieName name of the cookie that holds the GPP string
 * @param sidCookieName name of the cookie that holds the applicable section ids
 * @param optOutDenies the starter purposes that a sale, sharing or targeted-advertising opt-out in a US
 * section denies
 * @since 0.2.0
 */
public record GppSettings(String cookieName, String sidCookieName, List<String> optOutDenies) {

	public GppSettings {
		optOutDenies = List.copyOf(optOutDenies);
	}

}
