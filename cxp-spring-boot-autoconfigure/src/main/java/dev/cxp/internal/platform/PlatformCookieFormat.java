package dev.cxp.internal.platform;

import org.jspecify.annotations.Nullable;

/**
 * The format of one platform's consent cookie.
 */
@FunctionalInterface
interface PlatformCookieFormat {

	/**
	 * What a cookie value says. Implementations never throw for any value; the reader guards anyway.
	 * @param value the raw cookie value, as the browser sent it, at most
	 * {@value PlatformConsentReader#MAX_VALUE_LENGTH} characters
	 * @return what it says, or {@code null} when it is not a value the platform writes
	 */
	@Nullable PlatformChoice read(String value);

}
