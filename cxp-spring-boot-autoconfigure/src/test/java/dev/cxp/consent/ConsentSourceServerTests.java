package dev.cxp.consent;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S16.1 over a real server: a site's own {@link ConsentSource} joins the chain after the starter's consent
 * cookie, in {@code @Order}, and keeps every protection: its grant tracks, Global Privacy Control still denies what
 * it leaves open, and the banner's choice in the consent cookie outranks it.
 */
@SpringBootTest(classes = { TestSite.class, ConsentSourceServerTests.IntranetConsent.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.required=true", "cxp.consent.purposes=analytics,ads" })
class ConsentSourceServerTests {

	@LocalServerPort
	int port;

	@Test
	void theSitesSourceGrantsAndThePageTracks() {
		HttpResponse<String> page = page("Cookie", "intranet_cmp=all");
		assertThat(setCookies(page, "_mspi")).singleElement().asString().startsWith("_mspi=").contains("Max-Age=31536000");
		assertThat(consent("Cookie", "intranet_cmp=all")).contains("\"state\":\"GRANTED\"", "\"source\":\"intranet-cmp\"",
				"\"effective\":true");
	}

	@Test
	void withoutAStatementFromItGlobalPrivacyControlStillDenies() {
		HttpResponse<String> page = page("Sec-GPC", "1");
		assertThat(setCookies(page, "_mspi")).isEmpty();
		assertThat(consent("Sec-GPC", "1")).contains("\"state\":\"DENIED\"", "\"source\":\"gpc\"", "\"effective\":false",
				"\"ads\":\"DENIED\"");
	}

	@Test
	void whatTheSourceLeavesOpenIsStillDeniedByGlobalPrivacyControl() {
		// The site's platform says only "analytics only": ads stays open, and GPC denies it
		assertThat(consent("Cookie", "intranet_cmp=analytics", "Sec-GPC", "1")).contains("\"state\":\"GRANTED\"",
				"\"source\":\"intranet-cmp\"", "\"purposes\":{\"analytics\":\"GRANTED\",\"ads\":\"DENIED\"}");
	}

	@Test
	void theBannersDenialInTheConsentCookieOutranksTheSitesSource() {
		HttpResponse<String> page = page("Cookie", "intranet_cmp=all; cxp_consent=1.1.analytics:d~ads:d; _mspi=abc");
		assertThat(page.body()).contains("visitor null");
		assertThat(setCookies(page, "_mspi")).singleElement().asString().startsWith("_mspi=;").contains("Max-Age=0");
		assertThat(consent("Cookie", "intranet_cmp=all; cxp_consent=1.1.analytics:d~ads:d"))
			.contains("\"state\":\"DENIED\"", "\"source\":\"cookie\"");
	}

	@Test
	void sourcesAreConsultedInTheirOrderAndTheFirstToStateAPurposeWins() {
		// The later source denies analytics too, but the earlier one stated it first
		assertThat(consent("Cookie", "intranet_cmp=all; legacy_opt_out=1")).contains("\"state\":\"GRANTED\"",
				"\"source\":\"intranet-cmp\"");
		assertThat(consent("Cookie", "legacy_opt_out=1")).contains("\"state\":\"DENIED\"", "\"source\":\"legacy\"");
	}

	private HttpResponse<String> page(String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Accept";
		all[1] = "text/html";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return new RawHttp(this.port).get("/", all);
	}

	private String consent(String... headers) {
		return new RawHttp(this.port).get("/cxp/consent", headers).body();
	}

	/**
	 * A site's own consent platforms, as a site would declare them.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class IntranetConsent {

		@Bean
		@Order(1)
		ConsentSource intranetConsent() {
			return new ConsentSource() {

				@Override
				public String name() {
					return "intranet-cmp";
				}

				@Override
				public Map<String, ConsentState> states(ConsentRequest request) {
					if (request.cookies("intranet_cmp").contains("all")) {
						return Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.GRANTED);
					}
					if (request.cookies("intranet_cmp").contains("analytics")) {
						return Map.of("analytics", ConsentState.GRANTED);
					}
					return Map.of();
				}

			};
		}

		@Bean
		@Order(2)
		ConsentSource legacyOptOut() {
			return new ConsentSource() {

				@Override
				public String name() {
					return "legacy";
				}

				@Override
				public Map<String, ConsentState> states(ConsentRequest request) {
					return request.cookies("legacy_opt_out").isEmpty() ? Map.of()
							: Map.of("analytics", ConsentState.DENIED, "ads", ConsentState.DENIED);
				}

			};
		}

	}

}
