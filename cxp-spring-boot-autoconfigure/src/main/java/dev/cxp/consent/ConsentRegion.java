package dev.cxp.consent;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentState;

/**
 * The consent settings in effect for one request: the visitor's region, if known, and whether consent is
 * required and Global Privacy Control honoured there.
 *
 * @param code the region: an ISO 3166-1 alpha-2 country code such as {@code DE}, or a configured ISO 3166-2
 * subdivision such as {@code US-CA}; {@code null} when the region is not known
 * @param required whether an unspecified state counts as a refusal
 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent
 * @since 0.2.0
 */
public record ConsentRegion(@Nullable String code, boolean required, boolean honorGlobalPrivacyControl) {

	/**
	 * Whether a state allows what it gates under these settings.
	 * @param state the state of a purpose
	 * @return {@code true} when granted, or unspecified and consent is not required
	 */
	public boolean isEffective(ConsentState state) {
		return switch (state) {
			case GRANTED -> true;
			case DENIED -> false;
			case UNSPECIFIED -> !this.required;
		};
	}

}
