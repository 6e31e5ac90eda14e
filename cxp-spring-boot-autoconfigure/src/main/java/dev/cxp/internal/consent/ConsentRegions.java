package dev.cxp.internal.consent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cxp.consent.ConsentRegion;
import dev.cxp.consent.ConsentRequest;

/**
 * Finds the consent settings in effect for a request from the region that a trusted edge names in request
 * headers: a country header ({@code cxp.consent.region.header}) and an optional first-level subdivision header
 * ({@code cxp.consent.region.subdivision-header}, {@code CA} or {@code US-CA}). The most specific configured
 * region wins: a subdivision, then its country, then the {@code EEA} group, then the global settings. A missing,
 * malformed or unassigned value gives the global settings. Every answer is computed at start-up, so a request
 * costs two header reads and an array lookup.
 *
 * @since 0.2.0
 */
public final class ConsentRegions {

	private static final int LETTERS = 26;

	private final @Nullable String countryHeader;

	private final @Nullable String subdivisionHeader;

	private final ConsentRegion global;

	private final ConsentRegion[] countries = new ConsentRegion[LETTERS * LETTERS];

	private final Subdivision[][] subdivisions = new Subdivision[LETTERS * LETTERS][];

	private final Map<String, RegionSettings> configured;

	/**
	 * Create the lookup.
	 * @param countryHeader the request header with the visitor's country; {@code null} switches regions off
	 * @param subdivisionHeader the request header with the visitor's subdivision, or {@code null}
	 * @param required the global {@code required} setting
	 * @param honorGlobalPrivacyControl the global GPC setting
	 * @param regions the settings of each configured region, by code ({@code DE}, {@code US-CA}, {@code EEA})
	 * @throws IllegalArgumentException for a code that {@link RegionCodes#canonical} refuses
	 */
	public ConsentRegions(@Nullable String countryHeader, @Nullable String subdivisionHeader, boolean required,
			boolean honorGlobalPrivacyControl, Map<String, RegionSettings> regions) {
		this.countryHeader = countryHeader;
		this.subdivisionHeader = (countryHeader != null) ? subdivisionHeader : null;
		this.global = new ConsentRegion(null, required, honorGlobalPrivacyControl);
		Map<String, RegionSettings> canonical = new LinkedHashMap<>();
		regions.forEach((code, settings) -> {
			String property = "cxp.consent.regions." + code;
			if (canonical.put(RegionCodes.canonical(property, code), settings) != null) {
				throw new IllegalArgumentException(property + " names a region that is configured twice");
			}
		});
		this.configured = Collections.unmodifiableMap(canonical);
		RegionSettings eea = canonical.get(RegionCodes.EEA);
		for (int i = 0; i < this.countries.length; i++) {
			String country = new String(new char[] { (char) ('A' + i / LETTERS), (char) ('A' + i % LETTERS) });
			if (RegionCodes.isCountry(country)) {
				RegionSettings group = RegionCodes.EEA_COUNTRIES.contains(country) ? eea : null;
				this.countries[i] = region(country, canonical.get(country), group, null);
			}
		}
		canonical.forEach((code, settings) -> {
			if (code.length() > 3 && code.charAt(2) == '-') {
				addSubdivision(code, settings, canonical, eea);
			}
		});
	}

	private void addSubdivision(String code, RegionSettings settings, Map<String, RegionSettings> canonical,
			@Nullable RegionSettings eea) {
		String country = code.substring(0, 2);
		RegionSettings group = RegionCodes.EEA_COUNTRIES.contains(country) ? eea : null;
		int index = index(country.charAt(0), country.charAt(1));
		Subdivision[] existing = this.subdivisions[index];
		List<Subdivision> all = new ArrayList<>((existing != null) ? List.of(existing) : List.of());
		all.add(new Subdivision(code.substring(3), region(code, settings, canonical.get(country), group)));
		this.subdivisions[index] = all.toArray(Subdivision[]::new);
	}

	private ConsentRegion region(String code, @Nullable RegionSettings first, @Nullable RegionSettings second,
			@Nullable RegionSettings third) {
		boolean required = this.global.required();
		boolean gpc = this.global.honorGlobalPrivacyControl();
		for (RegionSettings settings : new RegionSettings[] { third, second, first }) {
			if (settings != null && settings.required() != null) {
				required = settings.required();
			}
			if (settings != null && settings.honorGlobalPrivacyControl() != null) {
				gpc = settings.honorGlobalPrivacyControl();
			}
		}
		return new ConsentRegion(code, required, gpc);
	}

	/**
	 * The settings in effect for a request, read from its headers: two header reads and an array lookup,
	 * creating nothing.
	 * @param request the request
	 * @return the most specific region's settings, or the global ones
	 */
	public ConsentRegion resolve(ConsentRequest request) {
		if (this.countryHeader == null) {
			return this.global;
		}
		String country = request.header(this.countryHeader);
		if (country == null || country.length() != 2) {
			return this.global;
		}
		int index = index(country.charAt(0), country.charAt(1));
		ConsentRegion region = (index >= 0) ? this.countries[index] : null;
		if (region == null) {
			return this.global;
		}
		Subdivision[] candidates = this.subdivisions[index];
		if (candidates != null && this.subdivisionHeader != null) {
			String subdivision = request.header(this.subdivisionHeader);
			if (subdivision != null) {
				for (Subdivision candidate : candidates) {
					if (candidate.matches(subdivision, country)) {
						return candidate.region();
					}
				}
			}
		}
		return region;
	}

	/**
	 * The global settings, in effect where no region applies.
	 * @return the global settings, with no region code
	 */
	public ConsentRegion global() {
		return this.global;
	}

	/**
	 * Settings without regions: the global ones for every request.
	 * @param required the global {@code required} setting
	 * @param honorGlobalPrivacyControl the global GPC setting
	 * @return the settings
	 */
	public static ConsentRegions global(boolean required, boolean honorGlobalPrivacyControl) {
		return new ConsentRegions(null, null, required, honorGlobalPrivacyControl, Map.of());
	}

	/**
	 * Whether a country header is configured.
	 * @return {@code true} when regions are read from requests
	 */
	public boolean isEnabled() {
		return this.countryHeader != null;
	}

	/**
	 * The configured regions, by canonical code.
	 * @return the settings of each configured region
	 */
	public Map<String, RegionSettings> configured() {
		return this.configured;
	}

	private static int index(char first, char second) {
		int a = letter(first);
		int b = letter(second);
		return (a < 0 || b < 0) ? -1 : a * LETTERS + b;
	}

	private static int letter(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a';
		}
		return -1;
	}

	/**
	 * A configured subdivision of one country.
	 */
	private record Subdivision(String suffix, ConsentRegion region) {

		/**
		 * Whether a header value names this subdivision, as {@code CA} or as {@code US-CA}, in any case.
		 */
		boolean matches(String value, String country) {
			int length = this.suffix.length();
			if (value.length() == length) {
				return value.equalsIgnoreCase(this.suffix);
			}
			return value.length() == length + 3 && value.charAt(2) == '-'
					&& value.regionMatches(true, 0, country, 0, 2)
					&& value.regionMatches(true, 3, this.suffix, 0, length);
		}

	}

}
