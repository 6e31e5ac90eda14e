package dev.cxp.internal.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cxp.consent.ConsentState;

/**
 * A page of the tests' own that reads the four platform cookies of each request, as a servlet container parsed
 * them, with every reader's default settings (klaro: {@code analytics} needs {@code matomo}, {@code ads} needs
 * {@code google-ads}), and answers what each says: {@code {"onetrust":{"analytics":"DENIED",...},...}}.
 */
@RestController
public class PlatformConsentPage {

	/**
	 * The page's path.
	 */
	public static final String PATH = "/test/platform-consent";

	private final List<PlatformConsentReader> readers = List.of(
			PlatformConsentReader.oneTrust(OneTrustSettings.defaults()),
			PlatformConsentReader.cookiebot(CookiebotSettings.defaults()),
			PlatformConsentReader.klaro(new KlaroSettings(KlaroSettings.DEFAULT_COOKIE_NAME,
					PlatformCookieValues.ordered("analytics", List.of("matomo"), "ads", List.of("google-ads")))),
			PlatformConsentReader.cookieConsent(CookieConsentSettings.defaults()));

	@GetMapping(PATH)
	Map<String, Map<String, ConsentState>> read(HttpServletRequest request) {
		Map<String, List<String>> cookies = new LinkedHashMap<>();
		Cookie[] sent = request.getCookies();
		for (Cookie cookie : (sent != null) ? sent : new Cookie[0]) {
			cookies.computeIfAbsent(cookie.getName(), (name) -> new ArrayList<>()).add(cookie.getValue());
		}
		Map<String, Map<String, ConsentState>> answers = new LinkedHashMap<>();
		for (PlatformConsentReader reader : this.readers) {
			answers.put(reader.name(), reader.read((name) -> cookies.getOrDefault(name, List.of())));
		}
		return answers;
	}

	/**
	 * How many values each reader found invalid.
	 * @return the counts by reader
	 */
	public Map<String, Long> invalidValues() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.readers.forEach((reader) -> counts.put(reader.name(), reader.invalidValues()));
		return counts;
	}

	/**
	 * Adds the page to a test's application.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		PlatformConsentPage platformConsentPage() {
			return new PlatformConsentPage();
		}

	}

}
