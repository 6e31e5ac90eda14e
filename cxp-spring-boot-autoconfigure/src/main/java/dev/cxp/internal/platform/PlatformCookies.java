package dev.cxp.internal.platform;

import java.util.List;

import dev.cxp.consent.ConsentSource;

/**
 * The consent management platforms' cookies a site switched on: their readers, which count the invalid values
 * they met, and their sources for the default resolution.
 */
public final class PlatformCookies {

	private final List<PlatformConsentReader> readers;

	/**
	 * Create the platforms' cookies.
	 * @param readers the readers of the platforms switched on, possibly none
	 */
	public PlatformCookies(List<PlatformConsentReader> readers) {
		this.readers = List.copyOf(readers);
	}

	/**
	 * The readers of the platforms switched on.
	 * @return the readers
	 */
	public List<PlatformConsentReader> readers() {
		return this.readers;
	}

	/**
	 * The platforms as sources of the default resolution, read together as peers.
	 * @return one source per platform switched on
	 */
	public List<ConsentSource> sources() {
		return this.readers.stream().<ConsentSource>map(PlatformConsentSource::new).toList();
	}

}
