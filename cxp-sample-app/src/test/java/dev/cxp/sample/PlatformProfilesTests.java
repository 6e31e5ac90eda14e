package dev.cxp.sample;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cxp.internal.platform.PlatformCookieValues;
import dev.cxp.testsite.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's profile for each consent platform (SPEC S14.1): started as a user would start it, the
 * platform's cookie, as the platform writes it, decides every purpose the profile maps, and no visitor id is
 * issued against a refusal.
 */
class PlatformProfilesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	// Each cookie accepts analytics' categories and refuses ads'; personalization is accepted where the
	// platform's value says so (OneTrust C0003), refused otherwise (Cookiebot preferences).
	private static final Map<String, String> COOKIES = Map.of("onetrust",
			"OptanonConsent=" + PlatformCookieValues.ONETRUST_CHOSEN.replace("C0002%3A0", "C0002%3A1")
				.replace("C0004%3A1", "C0004%3A0"),
			"cookiebot", "CookieConsent=" + PlatformCookieValues.COOKIEBOT_EXPLICIT, "klaro",
			"klaro=" + PlatformCookieValues.klaro(PlatformCookieValues.ordered("matomo", true, "google-ads", false,
					"recommendations", true)),
			"cookieconsent", "cc_cookie=" + PlatformCookieValues.cookieConsent(2, "necessary", "analytics"));

	@ParameterizedTest
	@CsvSource({ "onetrust, GRANTED", "cookiebot, DENIED", "klaro, GRANTED", "cookieconsent, DENIED" })
	void thePlatformsCookieDecidesEveryMappedPurpose(String profile, String personalization) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.profiles(profile)
			.run("--server.port=0", "--spring.data.redis.port=1")) {
			RawHttp http = new RawHttp(((WebServerApplicationContext) context).getWebServer().getPort());
			String cookie = COOKIES.get(profile);
			JsonNode purposes = consent(http, profile, cookie).get("purposes");
			assertThat(purposes.get("analytics").asString()).isEqualTo("GRANTED");
			assertThat(purposes.get("ads").asString()).isEqualTo("DENIED");
			assertThat(purposes.get("personalization").asString()).isEqualTo(personalization);
			assertThat(RawHttp.setCookies(http.get("/", "Accept", "text/html", "Cookie", cookie), "_mspi"))
				.hasSize(1);
			String analyticsRefused = cookie.replace("C0002%3A1", "C0002%3A0")
				.replace("statistics:true", "statistics:false")
				.replace("%22matomo%22%3Atrue", "%22matomo%22%3Afalse")
				.replace("%22analytics%22", "%22marketing%22");
			assertThat(consent(http, profile, analyticsRefused).get("purposes").get("analytics").asString())
				.isEqualTo("DENIED");
			assertThat(RawHttp.setCookies(http.get("/", "Accept", "text/html", "Cookie", analyticsRefused), "_mspi"))
				.isEmpty();
		}
	}

	private static JsonNode consent(RawHttp http, String source, String cookie) {
		HttpResponse<String> response = http.get("/cxp/consent", "Accept", "application/json", "Cookie", cookie);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode consent = json.readTree(response.body());
		assertThat(consent.get("source").asString()).isEqualTo(source);
		return consent;
	}

}
