package dev.cxp.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
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
import dev.cxp.consent.ConsentValues;

/**
 * Reads the choice from the body of a consent request: a JSON object such as {@code {"consent":"granted"}}.
 * The value must be a JSON string and is read like the consent header and cookie (ignoring case,
 * {@code granted}, {@code true}, {@code 1} or {@code yes} grant; {@code denied}, {@code false}, {@code 0} or
 * {@code no} deny), so one vocabulary holds everywhere. Other members are ignored, leaving room for
 * per-purpose choices later; a repeated {@code consent} member is refused as ambiguous.
 */
final class ConsentChoiceReader {

	/**
	 * The largest body read; a choice takes a few dozen bytes.
	 */
	static final int MAX_BODY_BYTES = 4096;

	private static final String MEMBER = "consent";

	private final JsonMapper jsonMapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * Read the choice.
	 * @param request a request whose body holds the choice
	 * @return {@link ConsentState#GRANTED} or {@link ConsentState#DENIED}
	 * @throws InvalidConsentRequestException with status 415 when the body is not declared as JSON, or 400
	 * when it is not a JSON object with an understood {@code consent} value
	 */
	ConsentState read(HttpServletRequest request) throws InvalidConsentRequestException {
		if (!isJson(request.getContentType())) {
			throw new InvalidConsentRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The body must be JSON, sent with Content-Type: application/json");
		}
		JsonNode body = parse(readBody(request));
		JsonNode value = body.isObject() ? body.get(MEMBER) : null;
		ConsentState state = (value != null && value.isString()) ? ConsentValues.parse(value.stringValue()) : null;
		if (state == null) {
			throw badRequest("The body must be {\"consent\":\"granted\"} or {\"consent\":\"denied\"}");
		}
		return state;
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

	private static byte[] readBody(HttpServletRequest request) throws InvalidConsentRequestException {
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw badRequest("The body is too large");
			}
			return body;
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
