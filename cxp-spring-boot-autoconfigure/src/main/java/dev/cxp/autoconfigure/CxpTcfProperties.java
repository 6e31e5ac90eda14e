package dev.cxp.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reading the IAB TCF v2.2 TC string of a consent management platform, under {@code cxp.consent.tcf}.
 *
 * @param enabled Whether to read the TC string that a consent management platform keeps in a cookie
 * @param cookieName Name of the cookie that holds the TC string
 * @param purposes For each starter purpose, the TCF purpose ids (1 to 11) that must all have consent for it
 * to be granted; analytics, when it is one of the purposes, needs purpose 1 unless it is mapped here
 * @param usePublisherSegment Whether to read the purpose consents of the publisher TC segment instead of the
 * core ones, when the string carries that segment
 * @since 0.2.0
 */
@ConfigurationProperties("cxp.consent.tcf")
public record CxpTcfProperties(@DefaultValue("false") boolean enabled, @DefaultValue("euconsent-v2") String cookieName,
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

	public CxpTcfProperties {
		// The default mapping of analytics is added where the configured purposes are known
		requireCookieName("cxp.consent.tcf.cookie-name", cookieName);
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

	/**
	 * Check that a cookie name is an RFC 6265 token.
	 * @param property the property that sets it, named in the failure
	 * @param name the name
	 */
	static void requireCookieName(String property, String name) {
		if (name.isEmpty()) {
			throw new IllegalArgumentException(property + " must not be empty");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
				throw new IllegalArgumentException(property + " must be a valid cookie name, was '" + name + "'");
			}
		}
	}

}
