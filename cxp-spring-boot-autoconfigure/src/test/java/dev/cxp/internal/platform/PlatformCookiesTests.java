package dev.cxp.internal.platform;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentState;

import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_EXPLICIT;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_CHOSEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platforms a site switched on, as readers and as sources of the default resolution.
 */
class PlatformCookiesTests {

	private final PlatformConsentReader oneTrust = PlatformConsentReader.oneTrust(OneTrustSettings.defaults());

	private final PlatformConsentReader cookiebot = PlatformConsentReader.cookiebot(CookiebotSettings.defaults());

	@Test
	void eachPlatformSwitchedOnIsASourceNamedAfterIt() {
		PlatformCookies platforms = new PlatformCookies(List.of(this.oneTrust, this.cookiebot));
		assertThat(platforms.readers()).containsExactly(this.oneTrust, this.cookiebot);
		assertThat(platforms.sources()).extracting(ConsentSource::name).containsExactly("onetrust", "cookiebot");
		assertThat(platforms.sources()).extracting((source) -> ((PlatformConsentSource) source).reader())
			.containsExactly(this.oneTrust, this.cookiebot);
	}

	@Test
	void aSourceStatesWhatItsPlatformsCookieSaysInTheRequest() {
		List<ConsentSource> sources = new PlatformCookies(List.of(this.oneTrust, this.cookiebot)).sources();
		ConsentRequest request = request(Map.of("OptanonConsent", List.of(ONETRUST_CHOSEN)));
		assertThat(sources.get(0).states(request))
			.containsExactly(Map.entry("analytics", ConsentState.DENIED), Map.entry("ads", ConsentState.GRANTED));
		assertThat(sources.get(1).states(request)).isEmpty();
		assertThat(sources.get(1).states(request(Map.of("CookieConsent", List.of(COOKIEBOT_EXPLICIT)))))
			.containsExactly(Map.entry("analytics", ConsentState.GRANTED), Map.entry("ads", ConsentState.DENIED));
	}

	@Test
	void noPlatformSwitchedOnMeansNoSource() {
		PlatformCookies platforms = new PlatformCookies(List.of());
		assertThat(platforms.readers()).isEmpty();
		assertThat(platforms.sources()).isEmpty();
	}

	private static ConsentRequest request(Map<String, List<String>> cookies) {
		return new ConsentRequest() {

			@Override
			public @Nullable String header(String name) {
				return null;
			}

			@Override
			public List<String> headers(String name) {
				return List.of();
			}

			@Override
			public List<String> cookies(String name) {
				return cookies.getOrDefault(name, List.of());
			}

		};
	}

}
