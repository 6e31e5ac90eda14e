package dev.cxp.internal.consent;

import org.jspecify.annotations.Nullable;

/**
 * The consent settings configured for one region ({@code cxp.consent.regions.<code>}); a setting left
 * {@code null} is taken from the next less specific region, and finally from the global settings.
 *
 * @param required whether consent must be given explicitly in the region
 * @param honorGlobalPrivacyControl whether {@code Sec-GPC: 1} denies consent in the region
 * @since 0.2.0
 */
public record RegionSettings(@Nullable Boolean required, @Nullable Boolean honorGlobalPrivacyControl) {

}
