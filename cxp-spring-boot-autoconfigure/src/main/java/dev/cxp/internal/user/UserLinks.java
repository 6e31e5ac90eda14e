package dev.cxp.internal.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link of a user to their consent records: the HMAC-SHA256 of the principal's name, made with
 * {@code cxp.consent.ledger.visitor-id-key}, in lowercase hexadecimal. The ledger never holds the name; without the
 * key, a link can neither be reversed nor made for a guessed name.
 */
public final class UserLinks {

	private static final HexFormat HEX = HexFormat.of();

	private final SecretKeySpec key;

	/**
	 * Create the links.
	 * @param key the secret key, not blank
	 */
	public UserLinks(String key) {
		if (key.isBlank()) {
			throw new IllegalArgumentException("The user link key must not be blank");
		}
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * The link of a user.
	 * @param name the principal's name, as the application's security names the user
	 * @return 64 lowercase hexadecimal characters
	 */
	public String of(String name) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HEX.formatHex(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
