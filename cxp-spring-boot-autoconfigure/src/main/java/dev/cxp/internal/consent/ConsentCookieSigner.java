package dev.cxp.internal.consent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the consent cookie's values and verifies them, so that a grant planted by a sibling subdomain (which
 * can write cookies for a shared {@code cxp.visitor.domain}) or by a script that writes {@code document.cookie}
 * counts for nothing. A signed value is the unsigned value, {@code *}, and the unpadded base64url HMAC-SHA256
 * of the cookie's name, {@code =}, and the unsigned value:
 * <pre>
 * signed    = unsigned "*" signature
 * signature = 43( ALPHA / DIGIT / "-" / "_" )
 * </pre>
 * The first key signs; every key verifies, so that a new key can be put first and the old one removed once
 * every cookie it signed has expired. Verification is constant-time in the signature
 * ({@link MessageDigest#isEqual(byte[], byte[])}). Signatures are checked only where they matter, on grants:
 * a denial counts from any value, signed or not.
 *
 * @since 0.3.0
 */
public final class ConsentCookieSigner {

	/**
	 * The fewest bytes a signing key has, decoded: the length of the HMAC-SHA256 output.
	 */
	public static final int MIN_KEY_LENGTH = 32;

	/**
	 * The character between a value and its signature.
	 */
	static final char SEPARATOR = '*';

	/**
	 * The length of a signature: 32 bytes in unpadded base64url.
	 */
	static final int SIGNATURE_LENGTH = 43;

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final byte[] prefix;

	private final List<Mac> keys;

	private final LongAdder rejected = new LongAdder();

	/**
	 * Create a signer.
	 * @param cookieName the name of the consent cookie, signed with each value so that a value cannot be
	 * moved to another cookie
	 * @param keys the keys, at least one, each at least {@value #MIN_KEY_LENGTH} bytes; the first signs
	 */
	public ConsentCookieSigner(String cookieName, List<byte[]> keys) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("At least one signing key is needed");
		}
		this.prefix = (cookieName + "=").getBytes(StandardCharsets.US_ASCII);
		List<Mac> macs = new ArrayList<>(keys.size());
		for (byte[] key : keys) {
			if (key.length < MIN_KEY_LENGTH) {
				throw new IllegalArgumentException("A signing key has at least " + MIN_KEY_LENGTH + " bytes");
			}
			macs.add(mac(key));
		}
		this.keys = List.copyOf(macs);
	}

	/**
	 * Sign a value with the first key.
	 * @param unsigned a value of the consent cookie format
	 * @return the signed value
	 */
	public String sign(String unsigned) {
		return unsigned + SEPARATOR + ENCODER.encodeToString(signature(this.keys.get(0), unsigned, unsigned.length()));
	}

	/**
	 * Whether a value carries a signature that one of the keys made for it.
	 * @param value a cookie value
	 * @return {@code true} when the value is {@code unsigned*signature} and a key verifies the signature
	 */
	public boolean verifies(String value) {
		int end = unsignedLength(value);
		if (end < 0) {
			return false;
		}
		byte[] presented;
		try {
			presented = DECODER.decode(value.substring(end + 1));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		boolean verified = false;
		for (Mac key : this.keys) {
			// Every key is tried, so that the time taken does not tell which key, if any, matched
			verified |= MessageDigest.isEqual(presented, signature(key, value, end));
		}
		return verified;
	}

	/**
	 * Count a grant refused because its value was not correctly signed.
	 */
	void rejected() {
		this.rejected.increment();
	}

	/**
	 * How many cookie values had their grants refused since start-up because they were not correctly signed.
	 * @return the count
	 */
	public long rejectedGrants() {
		return this.rejected.sum();
	}

	/**
	 * The length of a value without its signature.
	 * @param value a cookie value
	 * @return the index of the separator, or {@code -1} when the value carries no signature
	 */
	static int unsignedLength(String value) {
		int separator = value.length() - SIGNATURE_LENGTH - 1;
		return (separator > 0 && value.charAt(separator) == SEPARATOR) ? separator : -1;
	}

	private byte[] signature(Mac key, String value, int end) {
		Mac mac = copy(key);
		mac.update(this.prefix);
		// Values are checked against the format's grammar before they are verified: cookie-octets, one byte each
		mac.update(value.getBytes(StandardCharsets.US_ASCII), 0, end);
		return mac.doFinal();
	}

	// A Mac is not thread-safe; a copy of an initialised one is cheaper than initialising again.
	private static Mac copy(Mac key) {
		try {
			return (Mac) key.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ALGORITHM + " cannot be copied", ex);
		}
	}

	private static Mac mac(byte[] key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is not available", ex);
		}
	}

}
