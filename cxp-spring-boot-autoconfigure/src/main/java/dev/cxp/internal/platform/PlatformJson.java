package dev.cxp.internal.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses the JSON that platforms keep in cookies under limits that a cookie's JSON never reaches, so that a
 * hostile value fails early and cheaply: the length of a cookie, 16 levels of nesting, numbers of 32 digits,
 * names of 256 characters, and no name twice in an object.
 */
final class PlatformJson {

	/**
	 * How deep objects and arrays may nest: more than any platform writes, with room for a site's own data.
	 */
	static final int MAX_NESTING_DEPTH = 16;

	private static final JsonFactory factory = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxDocumentLength(PlatformConsentReader.MAX_VALUE_LENGTH)
			.maxTokenCount(PlatformConsentReader.MAX_VALUE_LENGTH)
			.maxNestingDepth(MAX_NESTING_DEPTH)
			.maxNumberLength(32)
			.maxNameLength(256)
			.maxStringLength(PlatformConsentReader.MAX_VALUE_LENGTH)
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private PlatformJson() {
	}

	/**
	 * A parser of one cookie's JSON text.
	 * @param json the decoded text
	 * @return the parser, to be closed
	 */
	static JsonParser parser(String json) {
		return factory.createParser(ObjectReadContext.empty(), json);
	}

}
