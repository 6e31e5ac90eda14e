package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;

/**
 * How klaro's cookie is read: which cookie, and which klaro services each starter purpose needs.
 * <p>
 * klaro keeps a choice per service, named by the site's klaro configuration ({@code services[].name}, such as
 * {@code matomo} or {@code google-analytics}); there is no default mapping, since no service name means the
 * same on every site.
 *
 * @param cookieName name of the cookie that holds the visitor's choice (klaro's {@code storageName},
 * {@code klaro} by default)
 * @param services for each starter purpose, the klaro services that must all be accepted for it to be granted; a
 * refusal of any of them denies it
 * @since 0.3.0
 */
public record KlaroSettings(String cookieName, Map<String, List<String>> services) {

	/**
	 * The cookie klaro keeps the visitor's choice in, unless its {@code storageName} says otherwise.
	 */
	public static final String DEFAULT_COOKIE_NAME = "klaro";

	public KlaroSettings {
		services = CategoryMapping.copyOf(services);
	}

}
