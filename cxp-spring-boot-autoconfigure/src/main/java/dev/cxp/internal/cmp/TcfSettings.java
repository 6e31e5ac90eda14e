package dev.cxp.internal.cmp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the TC string is read: which cookie, and which TCF purposes each starter purpose needs.
 *
 * @param cookieName name of the cookie that holds the TC string
 * @param purposes for each starter purpose, the TCF purpose ids that must all have consent for it to be
 * granted
 * @param usePublisherSegment whether to read the publisher TC segment's purpose consents instead of the
 * core ones, when the string has that segment
 * @since 0.2.0
 */
public record TcfSettings(String cookieName, Map<String, List<Integer>> purposes, boolean usePublisherSegment) {

	public TcfSettings {
		Map<String, List<Integer>> copy = new LinkedHashMap<>();
		purposes.forEach((purpose, ids) -> copy.put(purpose, List.copyOf(ids)));
		purposes = Collections.unmodifiableMap(copy);
	}

}
