package dev.cxp.internal.platform;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The cookie of orestbida's cookieconsent, version 3 ({@code cc_cookie}): JSON encoded with
 * {@code encodeURIComponent}, such as
 * {@code {"categories":["necessary","analytics"],"revision":0,"data":null,"consentTimestamp":"2025-03-04T10:15:30.123Z",
 * "consentId":"6a1c...","services":{"necessary":[],"analytics":[]},"languageCode":"en",
 * "lastConsentTimestamp":"2025-03-04T10:15:30.123Z","expirationTime":1756808130123}}.
 * <pre>
 * value   = percent-encoded( object )
 * object  = JSON object, a member name at most once, nesting at most 16 deep, with the members
 *   "categories"           : array of strings   ; the accepted categories, required
 *   "consentId"            : non-empty string   ; required
 *   "consentTimestamp"     : non-empty string   ; required
 *   "lastConsentTimestamp" : non-empty string   ; required
 *   "revision"             : integer            ; required
 *   other members          : any JSON value, skipped ("data" holds the site's own)
 * </pre>
 * These are the members whose absence makes cookieconsent itself treat the consent as invalid and ask again.
 * The cookie lists only the accepted categories: a category it does not list is refused. When the site's
 * revision is set and the cookie's differs, the accepted categories grant nothing (cookieconsent asks again)
 * while the refused ones still count.
 */
final class CookieConsentCookieFormat implements PlatformCookieFormat {

	private final @Nullable Integer revision;

	CookieConsentCookieFormat(@Nullable Integer revision) {
		this.revision = revision;
	}

	@Override
	public @Nullable PlatformChoice read(String value) {
		String json = CookieValues.percentDecoded(value);
		if (json == null) {
			return null;
		}
		try (JsonParser parser = PlatformJson.parser(json)) {
			return read(parser);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private @Nullable PlatformChoice read(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			return null;
		}
		Set<String> categories = null;
		Integer cookieRevision = null;
		int requiredTexts = 0;
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken member = parser.nextToken();
			switch (name) {
				case "categories" -> categories = categories(parser, member);
				case "revision" -> cookieRevision = (member == JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue() : null;
				case "consentId", "consentTimestamp", "lastConsentTimestamp" -> {
					if (member != JsonToken.VALUE_STRING || parser.getString().isEmpty()) {
						return null;
					}
					requiredTexts++;
				}
				default -> parser.skipChildren();
			}
			if ((name.equals("categories") && categories == null) || (name.equals("revision") && cookieRevision == null)) {
				return null;
			}
		}
		// Duplicate names fail the parser, so three texts are the three required ones
		if (token != JsonToken.END_OBJECT || parser.nextToken() != null || categories == null
				|| cookieRevision == null || requiredTexts != 3) {
			return null;
		}
		Set<String> accepted = categories;
		boolean currentRevision = this.revision == null || this.revision.equals(cookieRevision);
		return new PlatformChoice((category) -> accepted.contains(category), currentRevision, true);
	}

	private static @Nullable Set<String> categories(JsonParser parser, JsonToken array) {
		if (array != JsonToken.START_ARRAY) {
			return null;
		}
		Set<String> categories = new HashSet<>();
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
			categories.add(parser.getString());
		}
		return (token == JsonToken.END_ARRAY) ? categories : null;
	}

}
