package dev.cxp.internal.platform;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * klaro's cookie ({@code klaro} unless the site's {@code storageName} says otherwise): the JSON of the consent
 * of each service the site configured, encoded with {@code encodeURIComponent}, such as
 * {@code %7B%22matomo%22%3Atrue%2C%22google-fonts%22%3Afalse%7D}, that is {@code {"matomo":true,"google-fonts":false}}.
 * <pre>
 * value   = percent-encoded( object )
 * object  = "{" [ member *( "," member ) ] "}"   ; JSON, a service name at most once
 * member  = service-name ":" ( "true" / "false" )
 * </pre>
 * klaro writes it only when the visitor accepts, declines or saves a choice; every value is a boolean, so a
 * value of another type is not klaro's.
 */
final class KlaroCookieFormat implements PlatformCookieFormat {

	@Override
	public @Nullable PlatformChoice read(String value) {
		String json = CookieValues.percentDecoded(value);
		if (json == null) {
			return null;
		}
		try (JsonParser parser = PlatformJson.parser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			Map<String, Boolean> services = new HashMap<>();
			JsonToken token;
			while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
				String service = parser.currentName();
				JsonToken consent = parser.nextToken();
				if (consent != JsonToken.VALUE_TRUE && consent != JsonToken.VALUE_FALSE) {
					return null;
				}
				services.put(service, consent == JsonToken.VALUE_TRUE);
			}
			if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
				return null;
			}
			return new PlatformChoice(services::get, true, true);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
