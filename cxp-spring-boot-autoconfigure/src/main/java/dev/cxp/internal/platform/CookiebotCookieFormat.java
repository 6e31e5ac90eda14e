package dev.cxp.internal.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Cookiebot's {@code CookieConsent} cookie: a JavaScript object literal whose quotes and commas are
 * percent-escaped, such as
 * {@code {stamp:%27Ql2...Q==%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:true%2Cmarketing:false
 * %2Cmethod:%27explicit%27%2Cver:1%2Cutc:1738313789122%2Cregion:%27de%27}}, or {@code -1} (Cookiebot found
 * that the visitor's region needs no consent), or {@code 0} (the visitor accepted no cookies, in older
 * versions). After percent-decoding:
 * <pre>
 * value   = "-1" / "0" / object
 * object  = "{" member *( "," member ) "}"
 * member  = name ":" scalar                   ; a name at most once
 * name    = 1*32( ALPHA / DIGIT / "_" )
 * scalar  = "true" / "false" / integer / quoted
 * integer = [ "-" ] 1*16DIGIT
 * quoted  = "'" *( %x20-26 / %x28-7E ) "'"    ; printable ASCII but the quote itself
 * </pre>
 * The member {@code stamp} (quoted) is required; {@code necessary}, {@code preferences}, {@code statistics}
 * and {@code marketing} are booleans where present; every boolean member is a category. A stamp of {@code -1}
 * is how newer versions write the region that needs no consent: like {@code -1}, it says nothing. Accepted
 * categories grant only when {@code method} is {@code explicit}: Cookiebot writes {@code implied} when it gave
 * consent without asking, and documents a missing method (old consents) as implied. Refusals always count.
 */
final class CookiebotCookieFormat implements PlatformCookieFormat {

	private static final PlatformChoice NOTHING_ACCEPTED = new PlatformChoice((category) -> Boolean.FALSE, false,
			true);

	private static final Set<String> CATEGORIES = Set.of("necessary", "preferences", "statistics", "marketing");

	private static final int MAX_NAME_LENGTH = 32;

	private static final int MAX_DIGITS = 16;

	@Override
	public @Nullable PlatformChoice read(String value) {
		String literal = CookieValues.percentDecoded(value);
		if (literal == null) {
			return null;
		}
		if (literal.equals("-1")) {
			return PlatformChoice.NOTHING;
		}
		if (literal.equals("0")) {
			return NOTHING_ACCEPTED;
		}
		Map<String, Object> members = new Parser(literal).object();
		if (members == null || !(members.get("stamp") instanceof String stamp)) {
			return null;
		}
		Map<String, Boolean> categories = new HashMap<>();
		for (Map.Entry<String, Object> member : members.entrySet()) {
			if (member.getValue() instanceof Boolean accepted) {
				categories.put(member.getKey(), accepted);
			}
			else if (CATEGORIES.contains(member.getKey())) {
				return null;
			}
		}
		if (stamp.equals("-1")) {
			return PlatformChoice.NOTHING;
		}
		return new PlatformChoice(categories::get, "explicit".equals(members.get("method")), true);
	}

	/**
	 * Reads the object literal's grammar, one character at a time.
	 */
	private static final class Parser {

		private final String text;

		private int at;

		Parser(String text) {
			this.text = text;
		}

		/**
		 * The members of the whole text, as {@code Boolean}, {@code String} (quoted) or {@code Long}.
		 * @return the members, or {@code null} when the text is not such an object
		 */
		@Nullable Map<String, Object> object() {
			if (!next('{')) {
				return null;
			}
			Map<String, Object> members = new HashMap<>();
			do {
				String name = name();
				Object scalar = (name != null && next(':')) ? scalar() : null;
				if (scalar == null || members.put(name, scalar) != null) {
					return null;
				}
			}
			while (next(','));
			return (next('}') && this.at == this.text.length()) ? members : null;
		}

		private @Nullable String name() {
			int start = this.at;
			while (this.at < this.text.length() && this.at - start < MAX_NAME_LENGTH && isNameChar(peek())) {
				this.at++;
			}
			return (this.at > start) ? this.text.substring(start, this.at) : null;
		}

		private @Nullable Object scalar() {
			if (this.text.startsWith("true", this.at)) {
				this.at += 4;
				return Boolean.TRUE;
			}
			if (this.text.startsWith("false", this.at)) {
				this.at += 5;
				return Boolean.FALSE;
			}
			return next('\'') ? quoted() : integer();
		}

		private @Nullable String quoted() {
			int start = this.at;
			while (this.at < this.text.length() && peek() != '\'') {
				if (peek() < ' ' || peek() > '~') {
					return null;
				}
				this.at++;
			}
			String quoted = this.text.substring(start, this.at);
			return next('\'') ? quoted : null;
		}

		private @Nullable Long integer() {
			int start = this.at;
			next('-');
			int digits = this.at;
			while (this.at < this.text.length() && this.at - digits < MAX_DIGITS && peek() >= '0' && peek() <= '9') {
				this.at++;
			}
			return (this.at > digits) ? Long.valueOf(this.text.substring(start, this.at)) : null;
		}

		private boolean next(char expected) {
			if (this.at < this.text.length() && peek() == expected) {
				this.at++;
				return true;
			}
			return false;
		}

		private char peek() {
			return this.text.charAt(this.at);
		}

		private static boolean isNameChar(char c) {
			return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
		}

	}

}
