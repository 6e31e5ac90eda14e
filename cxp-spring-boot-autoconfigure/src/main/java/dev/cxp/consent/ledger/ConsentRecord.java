package dev.cxp.consent.ledger;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.visitor.VisitorIds;

/**
 * One consent choice as the ledger keeps it. Every field is validated on construction, so a record holds
 * only values of known shape and nothing copied verbatim from a request.
 *
 * @param receiptId the record's id, 128 random bits as 32 lowercase hexadecimal characters
 * @param timestamp when the choice was recorded
 * @param revision the revision of the consent text the visitor answered, 1 to 64 printable ASCII characters
 * @param purposes the state of each purpose after the choice, ordered by purpose name; names are 1 to 64
 * letters, digits, {@code _}, {@code .} or {@code -}
 * @param method how the choice was made
 * @param region the visitor's region when known, such as {@code GB} or {@code EEA}
 * @param visitor the visitor id (1 to 128 letters, digits, {@code _}, {@code .} or {@code -}), or its
 * HMAC-SHA256 in hexadecimal when a key is configured; {@code null} when the visitor had none
 * @param userAgentHash the SHA-256 of the {@code User-Agent} header in hexadecimal, {@code null} without one
 * @param ipPrefix the network of the visitor's address, such as {@code 203.0.113.0/24} or
 * {@code 2001:db8:1::/48}; {@code null} unless truncated addresses are recorded
 * @param userLink the key of the signed-in user who made the choice, an HMAC-SHA256 of the principal's name in
 * lowercase hexadecimal, never the name; {@code null} when nobody was signed in, when consent does not follow the
 * user, or once the user was unlinked on a data subject's request (since 0.3.0)
 * @since 0.2.0
 */
public record ConsentRecord(String receiptId, Instant timestamp, String revision, Map<String, ConsentState> purposes,
		ConsentMethod method, @Nullable String region, @Nullable String visitor, @Nullable String userAgentHash,
		@Nullable String ipPrefix, @Nullable String userLink) {

	/**
	 * The most purposes one record holds.
	 */
	public static final int MAX_PURPOSES = 64;

	private static final Pattern RECEIPT_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern REVISION = Pattern.compile("[\\x21-\\x7e]{1,64}");

	private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private static final Pattern REGION = Pattern.compile("[A-Za-z0-9-]{1,16}");

	private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern IP_PREFIX = Pattern.compile("[0-9a-f.:]{2,39}/(24|48)");

	/**
	 * Validate the fields and fix the order of the purposes.
	 */
	public ConsentRecord {
		Objects.requireNonNull(timestamp, "timestamp");
		Objects.requireNonNull(method, "method");
		require(isReceiptId(receiptId), "receipt id");
		require(matches(REVISION, revision), "revision");
		purposes = ordered(purposes);
		require(region == null || REGION.matcher(region).matches(), "region");
		require(visitor == null || VisitorIds.isValid(visitor), "visitor");
		require(userAgentHash == null || SHA_256_HEX.matcher(userAgentHash).matches(), "user-agent hash");
		require(ipPrefix == null || IP_PREFIX.matcher(ipPrefix).matches(), "IP prefix");
		require(userLink == null || isUserLink(userLink), "user link");
	}

	/**
	 * Create a record that is linked to no user, as before consent could follow the signed-in user.
	 * @param receiptId the record's id
	 * @param timestamp when the choice was recorded
	 * @param revision the revision of the consent text the visitor answered
	 * @param purposes the state of each purpose after the choice
	 * @param method how the choice was made
	 * @param region the visitor's region when known
	 * @param visitor the visitor id or its HMAC, {@code null} when the visitor had none
	 * @param userAgentHash the SHA-256 of the {@code User-Agent} header, {@code null} without one
	 * @param ipPrefix the network of the visitor's address, {@code null} unless recorded
	 */
	public ConsentRecord(String receiptId, Instant timestamp, String revision, Map<String, ConsentState> purposes,
			ConsentMethod method, @Nullable String region, @Nullable String visitor, @Nullable String userAgentHash,
			@Nullable String ipPrefix) {
		this(receiptId, timestamp, revision, purposes, method, region, visitor, userAgentHash, ipPrefix, null);
	}

	/**
	 * This record, linked to a user.
	 * @param userLink the user's key, 64 lowercase hexadecimal characters, or {@code null} to unlink
	 * @return the record with that link
	 * @since 0.3.0
	 */
	public ConsentRecord withUserLink(@Nullable String userLink) {
		return new ConsentRecord(this.receiptId, this.timestamp, this.revision, this.purposes, this.method, this.region,
				this.visitor, this.userAgentHash, this.ipPrefix, userLink);
	}

	/**
	 * Whether the choice grants no purpose: a refusal, which wins on every browser of its user.
	 * @return {@code true} when no purpose is granted
	 * @since 0.3.0
	 */
	public boolean isRefusal() {
		return !this.purposes.containsValue(ConsentState.GRANTED);
	}

	/**
	 * Whether a value has the shape of a user link.
	 * @param value the value
	 * @return {@code true} for 64 lowercase hexadecimal characters
	 * @since 0.3.0
	 */
	public static boolean isUserLink(@Nullable String value) {
		return value != null && SHA_256_HEX.matcher(value).matches();
	}

	/**
	 * Whether a value has the shape of a receipt id.
	 * @param value the value, possibly from a cookie
	 * @return {@code true} for 32 lowercase hexadecimal characters
	 */
	public static boolean isReceiptId(@Nullable String value) {
		return matches(RECEIPT_ID, value);
	}

	/**
	 * Whether a value is a valid purpose name.
	 * @param name the name
	 * @return {@code true} for 1 to 64 letters, digits, {@code _}, {@code .} or {@code -}
	 */
	public static boolean isPurposeName(@Nullable String name) {
		return matches(PURPOSE, name);
	}

	private static Map<String, ConsentState> ordered(Map<String, ConsentState> purposes) {
		Objects.requireNonNull(purposes, "purposes");
		require(purposes.size() <= MAX_PURPOSES, "number of purposes");
		Map<String, ConsentState> sorted = new TreeMap<>();
		purposes.forEach((name, state) -> {
			require(isPurposeName(name), "purpose name");
			sorted.put(name, Objects.requireNonNull(state, "purpose state"));
		});
		return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
	}

	private static boolean matches(Pattern pattern, @Nullable String value) {
		return value != null && value.length() <= 64 && pattern.matcher(value).matches();
	}

	// Messages name the field only: a rejected value may have come from a request.
	private static void require(boolean valid, String field) {
		if (!valid) {
			throw new IllegalArgumentException("Invalid " + field + " in a consent record");
		}
	}

}
