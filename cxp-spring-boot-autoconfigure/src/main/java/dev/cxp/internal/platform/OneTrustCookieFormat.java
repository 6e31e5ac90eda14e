package dev.cxp.internal.platform;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * OneTrust's {@code OptanonConsent} cookie: a query string, {@code application/x-www-form-urlencoded}, such as
 * {@code isGpcEnabled=0&datestamp=...&version=202209.1.0&...&interactionCount=1&landingPath=NotLandingPage
 * &groups=C0001%3A1%2CC0002%3A0%2CC0004%3A1&AwaitingReconsent=false}. Older versions of OneTrust's script
 * write the same fields unescaped ({@code groups=C0001:1,C0002:0}), which decodes to the same text.
 * <pre>
 * value             = field *( "&amp;" field )
 * field             = name "=" text           ; fields other than the three below are skipped,
 *                                             ; and so is text without "="
 * groups            = [ group *( "," group ) ]   ; the decoded text of the field "groups": required
 * group             = id ":" ( "1" / "0" )    ; 1 accepted, 0 refused
 * id                = 1*64( ALPHA / DIGIT / "_" / "-" )   ; C0002, SPD_BG, STACK42, 2, prf, ...
 * interactionCount  = 1*9DIGIT                ; optional: how often the visitor used the banner
 * AwaitingReconsent = "true" / "false"        ; optional: true while the site asks again
 * </pre>
 * Each of the three fields appears at most once, and a group id at most once in {@code groups}: OneTrust's
 * script never repeats them, so a value that does is not its own.
 * <p>
 * OneTrust writes the cookie with its defaults before the visitor did anything ({@code interactionCount=0}):
 * such a value records no choice unless OneTrust's banner-closed cookie is present beside it. While
 * {@code AwaitingReconsent} is {@code true}, the accepted groups grant nothing and the refused ones still count.
 */
final class OneTrustCookieFormat implements PlatformCookieFormat {

	private static final int MAX_ID_LENGTH = 64;

	private static final int MAX_COUNT_DIGITS = 9;

	@Override
	public @Nullable PlatformChoice read(String value) {
		String groups = null;
		String interactionCount = null;
		String awaitingReconsent = null;
		int start = 0;
		while (start <= value.length()) {
			int end = value.indexOf('&', start);
			if (end < 0) {
				end = value.length();
			}
			if (value.startsWith("groups=", start)) {
				if (groups != null) {
					return null;
				}
				groups = value.substring(start + "groups=".length(), end);
			}
			else if (value.startsWith("interactionCount=", start)) {
				if (interactionCount != null) {
					return null;
				}
				interactionCount = value.substring(start + "interactionCount=".length(), end);
			}
			else if (value.startsWith("AwaitingReconsent=", start)) {
				if (awaitingReconsent != null) {
					return null;
				}
				awaitingReconsent = value.substring(start + "AwaitingReconsent=".length(), end);
			}
			start = end + 1;
		}
		return (groups != null) ? choice(groups, interactionCount, awaitingReconsent) : null;
	}

	private static @Nullable PlatformChoice choice(String encodedGroups, @Nullable String interactionCount,
			@Nullable String awaitingReconsent) {
		String groupList = CookieValues.formDecoded(encodedGroups);
		Map<String, Boolean> groups = (groupList != null) ? groups(groupList) : null;
		if (groups == null) {
			return null;
		}
		int interactions = 0;
		if (interactionCount != null) {
			if (!isCount(interactionCount)) {
				return null;
			}
			interactions = Integer.parseInt(interactionCount);
		}
		boolean reconsent = false;
		if (awaitingReconsent != null) {
			if (!awaitingReconsent.equals("true") && !awaitingReconsent.equals("false")) {
				return null;
			}
			reconsent = awaitingReconsent.equals("true");
		}
		return new PlatformChoice(groups::get, !reconsent, interactions > 0);
	}

	private static @Nullable Map<String, Boolean> groups(String list) {
		Map<String, Boolean> groups = new HashMap<>();
		if (list.isEmpty()) {
			return groups;
		}
		int start = 0;
		while (start <= list.length()) {
			int end = list.indexOf(',', start);
			if (end < 0) {
				end = list.length();
			}
			// id ":" state, with an id of 1 to 64 characters and a state of one digit
			int colon = end - 2;
			if (colon <= start || colon - start > MAX_ID_LENGTH || list.charAt(colon) != ':') {
				return null;
			}
			String id = list.substring(start, colon);
			char state = list.charAt(end - 1);
			if (!isId(id) || (state != '0' && state != '1') || groups.put(id, state == '1') != null) {
				return null;
			}
			start = end + 1;
		}
		return groups;
	}

	private static boolean isId(String id) {
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-';
			if (!allowed) {
				return false;
			}
		}
		return !id.isEmpty();
	}

	private static boolean isCount(String text) {
		if (text.isEmpty() || text.length() > MAX_COUNT_DIGITS) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
