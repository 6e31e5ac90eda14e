package dev.cxp.internal.support;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one source of randomness for the ids the starter issues: 128 bits from a {@link SecureRandom}
 * each, in forms that survive cookies, URLs and web application firewalls (no {@code +} or {@code /}).
 *
 * @since 0.1.0
 */
public final class SecureIdGenerator {

	private static final HexFormat HEX = HexFormat.of();

	private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

	private final SecureRandom random;

	/**
	 * Create a generator backed by a new {@link SecureRandom}: the JDK's DRBG (NIST SP 800-90A), seeded once from
	 * the system's entropy.
	 */
	public SecureIdGenerator() {
		this(drbg());
	}

	// Linux's default SecureRandom reads /dev/urandom on every call, a file read that must not happen on a
	// WebFlux event-loop thread; the DRBG reads entropy only when seeded.
	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			return new SecureRandom();
		}
	}

	/**
	 * Create a generator backed by the given random source.
	 * @param random the source of the ids' bits
	 */
	public SecureIdGenerator(SecureRandom random) {
		this.random = random;
	}

	/**
	 * A new visitor id.
	 * @return 32 lowercase hexadecimal characters
	 */
	public String visitorId() {
		return HEX.formatHex(randomBytes());
	}

	/**
	 * A new receipt id of the consent ledger.
	 * @return 32 lowercase hexadecimal characters
	 * @since 0.2.0
	 */
	public String receiptId() {
		return HEX.formatHex(randomBytes());
	}

	/**
	 * A new session id.
	 * @return 22 characters of URL-safe Base64 without padding
	 */
	public String sessionId() {
		return BASE64_URL.encodeToString(randomBytes());
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return bytes;
	}

}
