package dev.cxp.internal.visitor;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The attributes of one of the starter's cookies.
 *
 * @param name the cookie name
 * @param maxAge how long the browser keeps it
 * @param domain the {@code Domain} attribute, {@code null} for a host-only cookie
 * @param sameSite the {@code SameSite} attribute: {@code Strict}, {@code Lax} or {@code None}
 * @param secure whether to mark it {@code Secure} on every request, not only on secure ones
 * @param httpOnly whether to hide it from page scripts
 * @since 0.1.0
 */
public record CookieAttributes(String name, Duration maxAge, @Nullable String domain, String sameSite, boolean secure,
		boolean httpOnly) {

}
