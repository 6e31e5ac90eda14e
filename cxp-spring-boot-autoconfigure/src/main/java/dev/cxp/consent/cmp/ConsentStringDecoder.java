package dev.cxp.consent.cmp;

import org.jspecify.annotations.Nullable;

/**
 * Decodes the consent strings that consent management platforms keep in cookies. The starter's own
 * abstraction over the library that does the decoding, so that a new major version of that library never
 * reaches the starter's public API. Declare a bean of this type to decode with something else.
 * <p>
 * Implementations are called with any bytes a browser (or an attacker) sends: they must never throw, and
 * answer {@code null} for a value they cannot decode. Their cost should be bounded by the value's length, never
 * by what the value declares (such as ranges of vendor ids). One that throws anyway, even an {@link Error},
 * makes the value count as an invalid string.
 *
 * @since 0.2.0
 */
public interface ConsentStringDecoder {

	/**
	 * Decode an IAB TCF v2 TC string, as kept in the {@code euconsent-v2} cookie.
	 * @param tcString the raw cookie value
	 * @return what the string says, or {@code null} when it cannot be decoded
	 */
	@Nullable TcfConsent decodeTcf(String tcString);

	/**
	 * Decode an IAB Global Privacy Platform string, as kept in the {@code __gpp} cookie.
	 * @param gppString the raw cookie value
	 * @param applicableSectionIds the section ids that apply, as kept in the {@code __gpp_sid} cookie (ids
	 * separated by commas or underscores; {@code -1} for none); {@code null} or unreadable to read every
	 * section of the string
	 * @return what the applicable sections say, or {@code null} when the string cannot be decoded
	 */
	@Nullable GppConsent decodeGpp(String gppString, @Nullable String applicableSectionIds);

}
