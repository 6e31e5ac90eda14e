package dev.cxp.consent.cmp;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the starter reads from the applicable sections of an IAB Global Privacy Platform string.
 *
 * @param tcfEuV2 the TCF EU v2 section (section id 2), or {@code null} when there is none
 * @param usSections the US sections: the national one (usnat, section id 7) and the state ones
 * @since 0.2.0
 */
public record GppConsent(@Nullable TcfConsent tcfEuV2, List<UsSection> usSections) {

	public GppConsent {
		usSections = List.copyOf(usSections);
	}

	/**
	 * The opt-outs of one US section. Each is {@code true} only when the visitor opted out (the value 1 of the
	 * section's field); "did not opt out" and "not applicable" are both {@code false}.
	 *
	 * @param sectionId the GPP section id, such as 7 for usnat or 8 for California
	 * @param saleOptOut whether the visitor opted out of the sale of personal data
	 * @param sharingOptOut whether the visitor opted out of sharing (sections without the field: {@code false})
	 * @param targetedAdvertisingOptOut whether the visitor opted out of targeted advertising (sections without
	 * the field: {@code false})
	 * @param gpc whether the section records a Global Privacy Control signal
	 * @since 0.2.0
	 */
	public record UsSection(int sectionId, boolean saleOptOut, boolean sharingOptOut,
			boolean targetedAdvertisingOptOut, boolean gpc) {

		/**
		 * Whether the visitor opted out of sale, sharing or targeted advertising.
		 * @return {@code true} when any of the three opt-outs is set
		 */
		public boolean anyOptOut() {
			return this.saleOptOut || this.sharingOptOut || this.targetedAdvertisingOptOut;
		}

	}

}
