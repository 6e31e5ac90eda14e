package dev.cxp.consent.cmp;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the starter reads from an IAB TCF v2 TC string (or the TCF EU v2 section of a GPP string).
 *
 * @param policyVersion the TCF policy version the string was made under; TCF v2.2 is version 4
 * @param cmpId the registered id of the consent management platform that made the string; 0 is not a
 * valid id
 * @param purposeConsents the ids of the TCF purposes with consent in the core segment
 * @param publisherPurposeConsents the ids of the TCF purposes with consent in the publisher TC segment (the
 * first party's own), or {@code null} when the string has no such segment
 * @since 0.2.0
 */
public record TcfConsent(int policyVersion, int cmpId, Set<Integer> purposeConsents,
		@Nullable Set<Integer> publisherPurposeConsents) {

	public TcfConsent {
		purposeConsents = Set.copyOf(purposeConsents);
		publisherPurposeConsents = (publisherPurposeConsents != null) ? Set.copyOf(publisherPurposeConsents) : null;
	}

	/**
	 * Whether the string carries a publisher TC segment.
	 * @return {@code true} when {@link #publisherPurposeConsents()} is not {@code null}
	 */
	public boolean hasPublisherSegment() {
		return this.publisherPurposeConsents != null;
	}

}
