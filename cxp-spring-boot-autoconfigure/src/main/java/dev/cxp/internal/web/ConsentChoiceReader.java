package dev.cxp.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentPurposes;

/**
 * Reads the choice from the body of a consent request: a JSON object such as {@code {"consent":"granted"}}
 * (every purpose) or {@code {"purposes":{"analytics":"granted","ads":"denied"}}} (the purposes named). Each
 * value must be a JSON string and is read like the consent header and cookie (ignoring case,
 * {@code granted}, {@code true}, {@code 1} or {@code yes} grant; {@code denied}, {@code false}, {@code 0} or
 * {@code no} deny), so one vocabulary holds everywhere. Other members are ignored; a repeated member, a body
 * with both {@code consent} and {@code purposes}, an empty {@code purposes} object and a purpose that is not
 * configured are refused.
 */
public final class ConsentChoiceReader {

	/**
	 * The largest body read; a choice takes a few dozen bytes.
	 */
	public static final int MAX_BODY_BYTES = 4096;

	private static final String MEMBER = "consent";

	private static final String PURPOSES = "purposes";

	private final ConsentPurposes purposes;

	private final JsonMapper jsonMapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * Create a reader.
	 * @param purposes the configured purposes, the only ones a choice may name
	 */
	public ConsentChoiceReader(ConsentPurposes purposes) {
		this.purposes = purposes;
	}

	/**
	 * Read the choice.
	 * @param contentType the request's {@code Content-Type}, possibly {@code null}
	 * @param body the request's body, at most {@value #MAX_BODY_BYTES} bytes and one more to tell that it is
	 * longer (see {@link #readBody(InputStream)})
	 * @return the choice
	 * @throws InvalidConsentRequestException with status 415 when the body is not declared as JSON, or 400
	 * when it is not a JSON object with an understood {@code consent} value or {@code purposes} object
	 */
	public ConsentChoice read(@Nullable String contentType, byte[] body) throws InvalidConsentRequestException {
		if (!isJson(contentType)) {
			throw new InvalidConsentRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The body must be JSON, sent with Content-Type: application/json");
		}
		if (body.length > MAX_BODY_BYTES) {
			throw badRequest("The body is too large");
		}
		JsonNode json = parse(body);
		JsonNode value = json.isObject() ? json.get(MEMBER) : null;
		JsonNode perPurpose = json.isObject() ? json.get(PURPOSES) : null;
		if (value != null && perPurpose != null) {
			throw badRequest("The body must have either \"consent\" or \"purposes\", not both");
		}
		if (perPurpose != null) {
			return ConsentChoice.perPurpose(readPurposes(perPurpose));
		}
		ConsentState state = (value != null && value.isString()) ? ConsentCookieFormat.plainState(value.stringValue()) : null;
		if (state == null) {
			throw badRequest("The body must be {\"consent\":\"granted\"}, {\"consent\":\"denied\"} or "
					+ "{\"purposes\":{\"<purpose>\":\"granted\"|\"denied\"}}");
		}
		return ConsentChoice.every(state);
	}

	private Map<String, ConsentState> readPurposes(JsonNode node) throws InvalidConsentRequestException {
		if (!node.isObject() || node.isEmpty()) {
			throw badRequest("\"purposes\" must be an object that names at least one purpose");
		}
		Map<String, ConsentState> states = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			if (!this.purposes.contains(member.getKey())) {
				// The name is not repeated: it is request input.
				throw badRequest("\"purposes\" names a purpose that is not configured; the purposes are "
						+ this.purposes.names());
			}
			JsonNode purposeValue = member.getValue();
			ConsentState state = purposeValue.isString() ? ConsentCookieFormat.plainState(purposeValue.stringValue()) : null;
			if (state == null) {
				throw badRequest("Each purpose must be \"granted\" or \"denied\"");
			}
			states.put(member.getKey(), state);
		}
		return states;
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
			return type.getType().equalsIgnoreCase("application")
					&& (subtype.equals("json") || subtype.endsWith("+json"));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		catch (RuntimeException ex) {
			// Some malformed types (such as "*/b with a stray quote) make the parser throw other exceptions.
			return false;
		}
	}

	/**
	 * Read as much of a body as a choice may take, and a byte more to tell that it is longer.
	 * @param in the body
	 * @return the bytes read
	 * @throws InvalidConsentRequestException with status 400 when the body cannot be read
	 */
	public static byte[] readBody(InputStream in) throws InvalidConsentRequestException {
		try (in) {
			return in.readNBytes(MAX_BODY_BYTES + 1);
		}
		catch (IOException ex) {
			throw badRequest("The body could not be read");
		}
	}

	private JsonNode parse(byte[] body) throws InvalidConsentRequestException {
		if (body.length == 0) {
			throw badRequest("The body is empty");
		}
		try {
			return this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw badRequest("The body is not valid JSON");
		}
	}

	private static InvalidConsentRequestException badRequest(String detail) {
		return new InvalidConsentRequestException(HttpStatus.BAD_REQUEST, detail);
	}

}
