package dev.cxp.hostile;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import dev.cxp.internal.platform.PlatformConsentReader;
import dev.cxp.internal.platform.PlatformCookieValues;

/**
 * Generates consent-platform cookie values from a seed: real values with edits that matter to their grammars
 * (separators, quotes, escapes, brackets, bytes beyond ASCII, deletions, truncation), and JSON that is
 * hostile by its shape (deep nesting, long numbers, repeated names, long strings), encoded as the platforms
 * encode their JSON.
 */
final class PlatformCookieInput {

	private static final List<String> TOKENS = List.of("%", "&", "=", ",", ":", "'", "\"", "{", "}", "[", "]", "%2C",
			"%27", "%3A", "%22", "%7B", "%7D", "%5B", "%5D", "%2", "%C3", "%C3%28", "%00", "%ZZ", "&groups=", " ",
			"\u0000", "\r\n", "\u00e9", "\u00ff", "+", "-", "null", "1e999", "-0");

	private final RandomGenerator random;

	PlatformCookieInput(long seed) {
		this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
	}

	/**
	 * A real value with one to three edits, none of which writes a digit or a letter: no edit can turn a
	 * refusal into an acceptance.
	 * @param real the value
	 * @return the edited value
	 */
	String edited(String real) {
		StringBuilder edited = new StringBuilder(real);
		int edits = 1 + this.random.nextInt(3);
		for (int i = 0; i < edits; i++) {
			int at = this.random.nextInt(edited.length() + 1);
			switch (this.random.nextInt(4)) {
				case 0, 1 -> edited.insert(at, TOKENS.get(this.random.nextInt(TOKENS.size())));
				case 2 -> {
					if (at < edited.length()) {
						edited.delete(at, Math.min(edited.length(), at + 1 + this.random.nextInt(3)));
					}
				}
				default -> edited.setLength(at);
			}
		}
		return edited.toString();
	}

	/**
	 * JSON that is hostile by its shape, inside an object whose other members would be valid: nesting
	 * deeper than allowed, numbers far longer than any, a name twice, a string longer than a cookie, or an
	 * object left open.
	 * @param members the valid members, such as {@code "categories":["analytics"],...}
	 * @return the JSON, encoded three times out of four
	 */
	String hostileJson(String members) {
		String hostile = switch (this.random.nextInt(5)) {
			case 0 -> "[".repeat(17 + this.random.nextInt(2000)) + "]".repeat(this.random.nextInt(40));
			case 1 -> "1" + "0".repeat(33 + this.random.nextInt(3000));
			case 2 -> "{\"a\":1,\"a\":2}";
			case 3 -> "\"" + "x".repeat(PlatformConsentReader.MAX_VALUE_LENGTH + this.random.nextInt(100)) + "\"";
			default -> "{\"n\":" + "{\"n\":".repeat(this.random.nextInt(600)) + "1";
		};
		String json = this.random.nextBoolean() ? "{" + members + ",\"data\":" + hostile + "}"
				: "{\"data\":" + hostile + "," + members + "}";
		return this.random.nextInt(4) == 0 ? json : PlatformCookieValues.encodeUriComponent(json);
	}

}
