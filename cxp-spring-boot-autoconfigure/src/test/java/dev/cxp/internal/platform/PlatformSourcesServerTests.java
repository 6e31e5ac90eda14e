package dev.cxp.internal.platform;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_EXPLICIT;
import static dev.cxp.internal.platform.PlatformCookieValues.COOKIEBOT_EXPLICIT_TCF;
import static dev.cxp.internal.platform.PlatformCookieValues.ONETRUST_CHOSEN;
import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S14.1 and S14.2 over a real server: the platforms a site switches on are sources of the chain, after the
 * starter's own consent cookie and before the TC string; disagreeing platforms deny; and with signing on, only a
 * signed consent cookie outranks a platform's refusal.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.required=true", "cxp.consent.purposes=analytics,ads",
				"cxp.consent.cmp.onetrust.enabled=true", "cxp.consent.cmp.cookiebot.enabled=true",
				"cxp.consent.tcf.enabled=true", "cxp.consent.tcf.purposes.ads=1",
				"cxp.consent.signing.keys=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" })
class PlatformSourcesServerTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aPlatformsGrantTracks() {
		HttpResponse<String> page = page("CookieConsent=" + COOKIEBOT_EXPLICIT_TCF);
		assertThat(setCookies(page, "_mspi")).singleElement().asString().contains("Max-Age=31536000");
		assertThat(consent("CookieConsent=" + COOKIEBOT_EXPLICIT_TCF)).contains("\"state\":\"GRANTED\"",
				"\"source\":\"cookiebot\"", "\"purposes\":{\"analytics\":\"GRANTED\",\"ads\":\"GRANTED\"}");
	}

	@Test
	void aPlatformsRefusalDeniesWithThePlatformAsSource() {
		assertThat(setCookies(page("OptanonConsent=" + ONETRUST_CHOSEN), "_mspi")).isEmpty();
		assertThat(consent("OptanonConsent=" + ONETRUST_CHOSEN)).contains("\"state\":\"DENIED\"",
				"\"source\":\"onetrust\"", "\"purposes\":{\"analytics\":\"DENIED\",\"ads\":\"GRANTED\"}");
	}

	@Test
	void disagreeingPlatformsDenyPerPurpose() {
		// OneTrust refuses analytics and grants ads; Cookiebot grants analytics and refuses ads
		assertThat(consent("OptanonConsent=" + ONETRUST_CHOSEN + "; CookieConsent=" + COOKIEBOT_EXPLICIT))
			.contains("\"purposes\":{\"analytics\":\"DENIED\",\"ads\":\"DENIED\"}");
		assertThat(consent("CookieConsent=" + COOKIEBOT_EXPLICIT_TCF + "; OptanonConsent=" + ONETRUST_CHOSEN))
			.contains("\"state\":\"DENIED\"", "\"source\":\"onetrust\"",
					"\"purposes\":{\"analytics\":\"DENIED\",\"ads\":\"GRANTED\"}");
	}

	@Test
	void platformsComeBeforeTheTcString() {
		assertThat(consent("euconsent-v2=" + ConsentStrings.purposeOneRefused() + "; CookieConsent="
				+ COOKIEBOT_EXPLICIT_TCF)).contains("\"state\":\"GRANTED\"", "\"source\":\"cookiebot\"");
		assertThat(consent("euconsent-v2=" + ConsentStrings.purposeOneRefused())).contains("\"state\":\"DENIED\"",
				"\"source\":\"tcf\"");
	}

	@Test
	void onlyASignedConsentCookieOutranksAPlatformsRefusal() {
		String refusal = "OptanonConsent=" + ONETRUST_CHOSEN;
		assertThat(consent(refusal + "; cxp_consent=1.1.analytics:g~ads:g")).contains("\"state\":\"DENIED\"",
				"\"source\":\"onetrust\"");
		String signed = grantedThroughTheEndpoint();
		assertThat(consent(refusal + "; " + signed)).contains("\"state\":\"GRANTED\"", "\"source\":\"cookie\"");
	}

	@Test
	void anInvalidPlatformCookieIsCountedAndIgnored() {
		double before = this.meters.get("cxp.consent.strings.invalid").tag("kind", "cookiebot").functionCounter().count();
		assertThat(consent("CookieConsent={broken")).contains("\"state\":\"UNSPECIFIED\"");
		assertThat(this.meters.get("cxp.consent.strings.invalid").tag("kind", "cookiebot").functionCounter().count())
			.isEqualTo(before + 1);
	}

	private String grantedThroughTheEndpoint() {
		RawHttp http = new RawHttp(this.port);
		HttpResponse<String> grant = http.send(HttpRequest.newBuilder(http.uri("/cxp/consent"))
			.PUT(BodyPublishers.ofString("{\"consent\":\"granted\"}")), "Content-Type", "application/json");
		String cookie = setCookies(grant, "cxp_consent").get(0);
		return cookie.substring(0, cookie.indexOf(';'));
	}

	private HttpResponse<String> page(String cookies) {
		return new RawHttp(this.port).get("/", "Accept", "text/html", "Cookie", cookies);
	}

	private String consent(String cookies) {
		return new RawHttp(this.port).get("/cxp/consent", "Cookie", cookies).body();
	}

}
