package dev.cxp.internal.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentRequest;

/**
 * Tells requests that the site's own pages sent from those that another site made a browser send, so that
 * no other site can record or withdraw a visitor's consent. A request is foreign when its
 * {@code Sec-Fetch-Site} header says anything but {@code same-origin} or {@code none} (a sibling subdomain,
 * {@code same-site}, is foreign too: it may be run by someone else), or when it carries an {@code Origin}
 * that is not the request's own scheme, host and port ({@code Origin: null} is foreign). A request with
 * neither header, as sent by a client that is not a browser, is not foreign: browsers always send
 * {@code Origin} with the {@code PUT} and {@code DELETE} requests a page makes.
 * <p>
 * The request's own origin is its scheme, server name and port as the server reports them.
 * Behind a proxy that terminates TLS or rewrites the host, configure {@code server.forward-headers-strategy}
 * so that they are the ones the browser used.
 */
public final class SameOriginRequests {

	private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

	private static final String ORIGIN = "Origin";

	private SameOriginRequests() {
	}

	/**
	 * Whether a request may come from another site.
	 * @param request the request's headers
	 * @param scheme the request's scheme, as the server sees it
	 * @param host the request's host name, as the server sees it
	 * @param port the request's port, as the server sees it
	 * @return {@code true} when a header shows that another site, or a sibling subdomain, sent it
	 */
	public static boolean isForeign(ConsentRequest request, String scheme, String host, int port) {
		for (String fetchSite : request.headers(SEC_FETCH_SITE)) {
			String site = fetchSite.strip();
			if (!site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
				return true;
			}
		}
		for (String origin : request.headers(ORIGIN)) {
			if (!isOwnOrigin(origin.strip(), scheme, host, port)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isOwnOrigin(String origin, String requestScheme, String requestHost, int requestPort) {
		URI uri = parse(origin);
		if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
				|| !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
				|| uri.getRawFragment() != null) {
			return false;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		return scheme.equals(requestScheme.toLowerCase(Locale.ROOT))
				&& host(uri.getHost()).equalsIgnoreCase(host(requestHost))
				&& port(uri.getPort(), scheme) == port(requestPort, scheme);
	}

	private static @Nullable URI parse(String origin) {
		if (origin.isEmpty() || origin.equals("null")) {
			return null;
		}
		try {
			return new URI(origin);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String host(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private static int port(int port, String scheme) {
		if (port >= 0) {
			return port;
		}
		return switch (scheme) {
			case "http" -> 80;
			case "https" -> 443;
			default -> -1;
		};
	}

}
