package dev.cxp.visitor;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purposes, a policy revision and regions over a real server, reading the raw {@code Set-Cookie} headers:
 * silence is a refusal in the EEA and consent elsewhere, a grant of another revision is asked again, a denial
 * of another revision stays, and disagreeing consent cookies deny per purpose.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.purposes=analytics,ads", "cxp.consent.revision=5",
				"cxp.consent.region.header=CloudFront-Viewer-Country",
				"cxp.consent.region.subdivision-header=CloudFront-Viewer-Country-Region",
				"cxp.consent.regions.EEA.required=true", "cxp.consent.regions[US-CA].required=true" })
class ConsentPurposesServerTests {

	private static final String ID = "[0-9a-f]{32}";

	@LocalServerPort
	int port;

	private HttpResponse<String> page(String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Accept";
		all[1] = "text/html";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return new RawHttp(this.port).get("/", all);
	}

	@ParameterizedTest(name = "{0} {1} -> id issued: {2}")
	@CsvSource({ "DE,,false", "NO,,false", "US,,true", "US,CA,false", "US,US-CA,false", "US,TX,true", "GB,,true",
			"XX,,true", "T1,,true", "de,,false" })
	void silenceIsARefusalWhereTheRegionRequiresConsent(String country, String subdivision, boolean issued) {
		HttpResponse<String> response = (subdivision != null)
				? page("CloudFront-Viewer-Country", country, "CloudFront-Viewer-Country-Region", subdivision)
				: page("CloudFront-Viewer-Country", country);
		assertThat(response.statusCode()).isEqualTo(200);
		if (issued) {
			assertThat(setCookies(response)).singleElement().asString().matches("_mspi=" + ID + "; .*");
		}
		else {
			assertThat(setCookies(response)).isEmpty();
		}
	}

	@Test
	void aGrantOfTheCurrentRevisionIssuesAnIdInTheEea() {
		HttpResponse<String> response = page("CloudFront-Viewer-Country", "DE", "Cookie", "cxp_consent=1.5.analytics:g");
		assertThat(setCookies(response)).singleElement().asString().matches("_mspi=" + ID + "; .*");
	}

	@ParameterizedTest(name = "recorded {0}")
	@ValueSource(strings = { "1.4.analytics:g", "1.6.analytics:g~ads:g", "granted", "yes" })
	void aGrantOfAnotherRevisionIsAskedAgainAndStopsTrackingInTheEea(String recorded) {
		HttpResponse<String> eea = page("CloudFront-Viewer-Country", "FR", "Cookie",
				"cxp_consent=" + recorded + "; _mspi=abc");
		assertThat(setCookies(eea)).singleElement().asString().startsWith("_mspi=; ").contains("Max-Age=0");
		HttpResponse<String> consent = new RawHttp(this.port).get("/cxp/consent", "CloudFront-Viewer-Country", "FR",
				"Cookie", "cxp_consent=" + recorded);
		assertThat(consent.body()).contains("\"state\":\"UNSPECIFIED\"", "\"effective\":false", "\"revision\":\"5\"",
				"\"region\":\"FR\"", "\"required\":true");
	}

	@ParameterizedTest(name = "recorded {0}")
	@ValueSource(strings = { "1.4.analytics:d", "1.6.analytics:d~ads:g", "denied", "no" })
	void aDenialOfAnotherRevisionStaysADenial(String recorded) {
		HttpResponse<String> us = page("CloudFront-Viewer-Country", "US", "Cookie", "cxp_consent=" + recorded);
		assertThat(setCookies(us)).isEmpty();
		assertThat(us.body()).contains("visitor null");
	}

	@ParameterizedTest(name = "Cookie: {0}")
	@ValueSource(strings = { "cxp_consent=1.5.analytics:g~ads:g; cxp_consent=1.5.analytics:d",
			"cxp_consent=1.5.analytics:d; cxp_consent=1.5.analytics:g~ads:g",
			"cxp_consent=granted; cxp_consent=1.5.analytics:d~ads:g" })
	void disagreeingCookiesDenyPerPurpose(String cookies) {
		HttpResponse<String> page = page("CloudFront-Viewer-Country", "US", "Cookie", cookies + "; _mspi=abc");
		assertThat(setCookies(page)).singleElement().asString().startsWith("_mspi=; ");
		HttpResponse<String> consent = new RawHttp(this.port).get("/cxp/consent", "Cookie", cookies);
		assertThat(consent.body()).contains("\"analytics\":\"DENIED\"");
	}

	@Test
	void aChoicePerPurposeIsWrittenAsOneCookieOctetValue() {
		RawHttp http = new RawHttp(this.port);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/cxp/consent"))
			.PUT(BodyPublishers.ofString("{\"purposes\":{\"ads\":\"granted\",\"analytics\":\"denied\"}}")),
				"Content-Type", "application/json", "CloudFront-Viewer-Country", "US", "Cookie", "_mspi=abc");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(setCookies(response, "cxp_consent")).singleElement()
			.asString()
			.startsWith("cxp_consent=1.5.analytics:d~ads:g; Path=/; Max-Age=15552000;");
		assertThat(setCookies(response, "_mspi")).singleElement().asString().startsWith("_mspi=; ");
		assertThat(response.body()).contains("\"purposes\":{\"analytics\":\"DENIED\",\"ads\":\"GRANTED\"}",
				"\"region\":\"US\"");
	}

	@Test
	void aChoiceThatLeavesTheTrackingPurposeOpenIsJudgedByTheWholeChain() {
		// Global Privacy Control still denies analytics, which the choice leaves unspecified: no id, no tracking
		RawHttp http = new RawHttp(this.port);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/cxp/consent"))
			.PUT(BodyPublishers.ofString("{\"purposes\":{\"ads\":\"granted\"}}")), "Content-Type",
				"application/json", "CloudFront-Viewer-Country", "US", "Sec-GPC", "1");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"state\":\"DENIED\"", "\"effective\":false",
				"\"purposes\":{\"analytics\":\"DENIED\",\"ads\":\"GRANTED\"}");
		assertThat(setCookies(response, "_mspi")).isEmpty();
		assertThat(setCookies(response, "cxp_consent")).singleElement().asString().startsWith("cxp_consent=1.5.ads:g;");
		// What the endpoint answered is what the next request is told
		HttpResponse<String> next = http.get("/cxp/consent", "CloudFront-Viewer-Country", "US", "Sec-GPC", "1",
				"Cookie", "cxp_consent=1.5.ads:g");
		assertThat(next.body()).contains("\"state\":\"DENIED\"", "\"effective\":false");
	}

	@Test
	void aMalformedRegionFallsBackToTheGlobalSettings() {
		for (String country : new String[] { "1D", "DEU", "D", "\"DE\"", "DE;" }) {
			HttpResponse<String> junk = page("CloudFront-Viewer-Country", country, "CloudFront-Viewer-Country-Region",
					"C A");
			assertThat(junk.statusCode()).isEqualTo(200);
			assertThat(setCookies(junk)).as(country).singleElement().asString().matches("_mspi=" + ID + "; .*");
		}
	}

}
