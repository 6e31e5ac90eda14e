package dev.cxp.consent;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link ConsentSource} may read of a request: its headers and cookies, the same on every web stack.
 * Values are as the request carries them, never decoded or checked: read them as untrusted input.
 *
 * @since 0.3.0
 */
public interface ConsentRequest {

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the request has no such header
	 */
	@Nullable String header(String name);

	/**
	 * Every value of a header, in the order the request carries them.
	 * @param name the header name, in any case
	 * @return the values, empty when the request has no such header
	 */
	List<String> headers(String name);

	/**
	 * The value of every cookie of a name, in the order the request carries them. A browser sends every variant of
	 * a cookie it holds (another {@code Domain} or {@code Path}), so a name may come several times.
	 * @param name the cookie name, exactly
	 * @return the values, empty when the request has no such cookie
	 */
	List<String> cookies(String name);

}
