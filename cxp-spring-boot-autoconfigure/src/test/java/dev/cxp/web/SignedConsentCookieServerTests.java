package dev.cxp.web;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.internal.consent.ConsentCookieSigner;
import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S12.1 over a real server: with {@code cxp.consent.signing.keys}, a grant planted by a sibling subdomain or
 * a page script (a plain {@code granted}, an unsigned value of the starter's format, an edited signed value)
 * grants nothing, while the value the endpoint wrote grants on the next page, a key further down the list still
 * verifies, and a denial counts from any value.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.required=true", "cxp.consent.purposes=analytics,ads",
				"cxp.consent.signing.keys=" + SignedConsentCookieServerTests.KEY + ","
						+ SignedConsentCookieServerTests.OLD_KEY })
class SignedConsentCookieServerTests {

	static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	static final String OLD_KEY = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleS0=";

	private static final String VISITOR_ID = "0123456789abcdef0123456789abcdef";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void theValueTheEndpointWroteGrantsOnTheNextPage() {
		HttpResponse<String> grant = put("{\"consent\":\"granted\"}", null);
		assertThat(grant.statusCode()).isEqualTo(200);
		String consent = cookie(grant, "cxp_consent");
		assertThat(consent).matches("cxp_consent=1\\.1\\.analytics:g~ads:g\\*[A-Za-z0-9_-]{43}");
		String visitor = cookie(grant, "_mspi");
		HttpResponse<String> page = page(consent + "; " + visitor);
		assertThat(page.body()).contains("visitor " + visitor.substring("_mspi=".length()));
		assertThat(setCookies(page)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "granted", "true", "1.1.analytics:g~ads:g",
			"1.1.analytics:g*AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void aPlantedGrantGrantsNothing(String planted) {
		double rejected = rejected();
		HttpResponse<String> page = page("cxp_consent=" + planted);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("visitor null");
		assertThat(setCookies(page, "_mspi")).isEmpty();
		assertThat(http().get("/cxp/consent", "Cookie", "cxp_consent=" + planted).body())
			.contains("\"state\":\"UNSPECIFIED\"", "\"effective\":false");
		assertThat(rejected()).isEqualTo(rejected + 2);
	}

	@Test
	void anEditedSignedValueGrantsNothing() {
		HttpResponse<String> choice = put("{\"purposes\":{\"analytics\":\"granted\",\"ads\":\"denied\"}}", null);
		String signed = cookie(choice, "cxp_consent");
		assertThat(signed).contains("ads:d");
		String edited = signed.replace("ads:d", "ads:g");
		HttpResponse<String> consent = http().get("/cxp/consent", "Cookie", edited);
		assertThat(consent.body()).contains("\"state\":\"UNSPECIFIED\"", "\"effective\":false",
				"\"purposes\":{\"analytics\":\"UNSPECIFIED\",\"ads\":\"UNSPECIFIED\"}");
		assertThat(page(edited).body()).contains("visitor null");
	}

	@Test
	void aValueSignedWithAKeyFurtherDownTheListGrants() {
		ConsentCookieSigner retiring = new ConsentCookieSigner("cxp_consent",
				List.of(Base64.getDecoder().decode(OLD_KEY)));
		String value = retiring.sign("1.1.analytics:g");
		HttpResponse<String> page = page("cxp_consent=" + value);
		assertThat(setCookies(page, "_mspi")).singleElement().asString().startsWith("_mspi=").contains("Max-Age=31536000");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "denied", "1.1.analytics:d~ads:d",
			"1.1.analytics:d*AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void aDenialCountsFromAnyValue(String denial) {
		HttpResponse<String> page = page("cxp_consent=" + denial + "; _mspi=" + VISITOR_ID);
		assertThat(page.body()).contains("visitor null");
		assertThat(setCookies(page, "_mspi")).singleElement().asString().startsWith("_mspi=;").contains("Max-Age=0");
	}

	@Test
	void aPerPurposeChoiceDoesNotSignAGrantPlantedBeforeIt() {
		HttpResponse<String> choice = put("{\"purposes\":{\"analytics\":\"granted\"}}", "cxp_consent=1.1.ads:g");
		assertThat(choice.body()).contains("\"purposes\":{\"analytics\":\"GRANTED\",\"ads\":\"UNSPECIFIED\"}");
		assertThat(cookie(choice, "cxp_consent")).startsWith("cxp_consent=1.1.analytics:g*");
	}

	private double rejected() {
		return this.meters.get("cxp.consent.cookies.rejected").functionCounter().count();
	}

	private HttpResponse<String> page(String cookies) {
		return http().get("/", "Accept", "text/html", "Cookie", cookies);
	}

	private HttpResponse<String> put(String body, String cookies) {
		HttpRequest.Builder request = HttpRequest.newBuilder(http().uri("/cxp/consent")).PUT(BodyPublishers.ofString(body));
		return (cookies != null) ? http().send(request, "Content-Type", "application/json", "Cookie", cookies)
				: http().send(request, "Content-Type", "application/json");
	}

	private static String cookie(HttpResponse<String> response, String name) {
		List<String> cookies = setCookies(response, name);
		assertThat(cookies).hasSize(1);
		return cookies.get(0).substring(0, cookies.get(0).indexOf(';'));
	}

	private RawHttp http() {
		return new RawHttp(this.port);
	}

}
