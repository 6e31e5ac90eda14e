/**
 * Consent strings of consent management platforms (IAB TCF v2.2 and GPP): decoding behind the starter's
 * own {@link dev.cxp.consent.cmp.ConsentStringDecoder}, at a cost bounded by a string's length whatever it
 * declares, and the mapping of what they say to the starter's purposes.
 */
@NullMarked
package dev.cxp.consent.cmp;

import org.jspecify.annotations.NullMarked;
