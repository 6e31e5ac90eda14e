package dev.cxp.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.consent.ConsentCookie;
import dev.cxp.internal.consent.ConsentCookieFormat;
import dev.cxp.internal.consent.ConsentPurposes;

/**
 * Generates hostile values for cookies, headers and URLs from a seed, so that a failure can be replayed:
 * any bytes (CR, LF, NUL, separators, quotes, backslash, non-ASCII, invalid UTF-8), lengths from 0 to 8 KB,
 * and near misses of the values the starter understands.
 */
final class HostileInput {

	private static final ConsentCookieFormat DEFAULT_FORMAT = new ConsentCookieFormat(ConsentPurposes.defaults(),
			ConsentCookieFormat.LEGACY_REVISION, null);

	/**
	 * How many values each property is tried with: a few hundred in the normal suite, more in the
	 * {@code hostile-input} Maven profile.
	 */
	static final int TRIES = Integer.getInteger("hostile.tries", 300);

	/**
	 * The seed of this run, printed with every failure; set {@code cxp.hostile.seed} to replay one.
	 */
	static final long SEED = Long.getLong("cxp.hostile.seed", System.nanoTime());

	static {
		System.out.println("Hostile input: seed " + SEED + ", " + TRIES + " tries per property");
	}

	private static final String SPECIAL = "\r\n\u0000;,\"\\= \t'<>%$!{}[]()/:@?&#+*|^`~\u007f";

	private static final List<String> NEAR_MISSES = List.of("granted", "denied", "GRANTED", "yes", "no", "1", "0",
			"true", "false", "0123456789abcdef0123456789abcdef", "https://evil.example", "null", "same-origin",
			"cross-site", "document", "empty", "/", "/cxp/consent", "1.1.analytics:g", "1.1.analytics:d~ads:g",
			"1.2.analytics:g.0123456789abcdef0123456789abcdef", "{\"purposes\":{\"analytics\":\"granted\"}}");

	private final RandomGenerator random;

	HostileInput(long seed) {
		this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
	}

	/**
	 * A hostile value, as a Java string whose chars are the bytes to send (ISO-8859-1).
	 */
	String next() {
		return switch (this.random.nextInt(6)) {
			case 0 -> mutate(NEAR_MISSES.get(this.random.nextInt(NEAR_MISSES.size())));
			case 1 -> fromAlphabet(SPECIAL, length(64));
			case 2 -> utf8(length(256));
			case 3 -> anyBytes(length(8192));
			case 4 -> fromAlphabet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-", length(200));
			default -> mixed(length(1024));
		};
	}

	private int length(int max) {
		// Mostly short values, now and then the longest.
		int bucket = this.random.nextInt(10);
		if (bucket == 0) {
			return 0;
		}
		if (bucket == 9) {
			return max;
		}
		return 1 + this.random.nextInt(Math.min(max, (bucket < 6) ? 40 : max));
	}

	private String mutate(String value) {
		StringBuilder mutated = new StringBuilder(value);
		int edits = 1 + this.random.nextInt(3);
		for (int i = 0; i < edits; i++) {
			int at = this.random.nextInt(mutated.length() + 1);
			switch (this.random.nextInt(3)) {
				case 0 -> mutated.insert(at, SPECIAL.charAt(this.random.nextInt(SPECIAL.length())));
				case 1 -> mutated.insert(at, (char) (0x80 + this.random.nextInt(0x80)));
				default -> {
					if (at < mutated.length()) {
						mutated.deleteCharAt(at);
					}
					else {
						mutated.append(' ');
					}
				}
			}
		}
		return mutated.toString();
	}

	private String fromAlphabet(String alphabet, int length) {
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return value.toString();
	}

	private String anyBytes(int length) {
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append((char) this.random.nextInt(256));
		}
		return value.toString();
	}

	private String utf8(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(switch (this.random.nextInt(4)) {
				case 0 -> 0x00e0 + this.random.nextInt(0x20);
				case 1 -> 0x4e00 + this.random.nextInt(0x100);
				case 2 -> 0x1f600 + this.random.nextInt(0x40);
				default -> 0x20 + this.random.nextInt(0x5f);
			});
		}
		return new String(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	private String mixed(int length) {
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append(switch (this.random.nextInt(4)) {
				case 0 -> SPECIAL.charAt(this.random.nextInt(SPECIAL.length()));
				case 1 -> (char) (0x80 + this.random.nextInt(0x80));
				default -> (char) ('a' + this.random.nextInt(26));
			});
		}
		return value.toString();
	}

	/**
	 * A near miss of the consent cookie's own format: a valid value with a few edits that matter to its
	 * grammar (separators, state letters, case, hex digits, truncation, repetition).
	 */
	String nextConsentCookie() {
		String[] names = { "analytics", "ads", "personalization", "marketing", "Ads", "a", "" };
		StringBuilder value = new StringBuilder(this.random.nextInt(8) == 0 ? "2." : "1.");
		value.append(new String[] { "1", "3", "2024-06", "x_y", "", "3.1", "r".repeat(33) }[this.random.nextInt(7)]);
		value.append('.');
		int purposes = 1 + this.random.nextInt(4);
		for (int i = 0; i < purposes; i++) {
			value.append((i > 0) ? "~" : "").append(names[this.random.nextInt(names.length)]).append(':');
			value.append("gdGDx".charAt(Math.min(this.random.nextInt(7), 4)));
		}
		if (this.random.nextBoolean()) {
			value.append('.').append(fromAlphabet("0123456789abcdef", 30 + this.random.nextInt(4)));
		}
		String near = value.toString();
		return switch (this.random.nextInt(4)) {
			case 0 -> near;
			case 1 -> near.substring(0, this.random.nextInt(near.length() + 1));
			case 2 -> mutate(near);
			default -> near + fromAlphabet(".~:gd-_", 1 + this.random.nextInt(3));
		};
	}

	/**
	 * Whether a response header would show this value: only values long and distinctive enough that
	 * finding them is not a coincidence.
	 */
	/**
	 * Whether a consent value grants tracking under the default settings (purpose {@code analytics}, revision
	 * {@code 1}), in the legacy form or the starter's own format: the oracle the tests hold the starter to.
	 * @param value the value as the starter receives it
	 * @return {@code true} when it grants tracking
	 */
	static boolean grantsTracking(String value) {
		if (ConsentCookieFormat.plainState(value) == ConsentState.GRANTED) {
			return true;
		}
		ConsentCookie cookie = DEFAULT_FORMAT.parse(value);
		return cookie != null && cookie.state(ConsentPurposes.ANALYTICS) == ConsentState.GRANTED;
	}

	static boolean isTraceable(String value) {
		return value.length() >= 8 && value.chars().distinct().count() >= 4;
	}

	static String describe(String value) {
		StringBuilder shown = new StringBuilder();
		for (char c : value.substring(0, Math.min(value.length(), 80)).toCharArray()) {
			shown.append((c >= 0x20 && c < 0x7f) ? String.valueOf(c) : String.format("\\x%02x", (int) c));
		}
		return shown + ((value.length() > 80) ? "... (" + value.length() + " chars)" : "");
	}

	static String replay(int index) {
		return " [replay: -Dcxp.hostile.seed=" + SEED + ", try " + index + "]";
	}

}
