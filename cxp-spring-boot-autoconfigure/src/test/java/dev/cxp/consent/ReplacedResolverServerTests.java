package dev.cxp.consent;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static dev.cxp.testsite.RawHttp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC S16.2 over a real server: a site that replaces the whole resolver keeps Global Privacy Control, which is
 * part of the policy: a purpose its resolver leaves unspecified is denied with source {@code gpc}, as the
 * reproduction of the issue showed it was not.
 */
@SpringBootTest(classes = { TestSite.class, ReplacedResolverServerTests.SiteResolver.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cxp.consent.region.header=CF-IPCountry", "cxp.consent.regions.EEA.required=true" })
class ReplacedResolverServerTests {

	@LocalServerPort
	int port;

	@Test
	void globalPrivacyControlDeniesWhatTheSitesResolverLeavesOpen() {
		HttpResponse<String> consent = new RawHttp(this.port).get("/cxp/consent", "CF-IPCountry", "US", "Sec-GPC", "1");
		assertThat(consent.body()).contains("\"state\":\"DENIED\"", "\"source\":\"gpc\"", "\"effective\":false");
		HttpResponse<String> page = new RawHttp(this.port).get("/", "Accept", "text/html", "CF-IPCountry", "US",
				"Sec-GPC", "1", "Cookie", "_mspi=abc");
		assertThat(page.body()).contains("visitor null");
		assertThat(setCookies(page, "_mspi")).singleElement().asString().startsWith("_mspi=;");
	}

	@Test
	void withoutGlobalPrivacyControlTheSitesResolverAndThePolicyDecide() {
		assertThat(new RawHttp(this.port).get("/cxp/consent", "CF-IPCountry", "US").body())
			.contains("\"state\":\"UNSPECIFIED\"", "\"source\":\"none\"", "\"effective\":true");
		assertThat(new RawHttp(this.port).get("/cxp/consent", "CF-IPCountry", "DE").body())
			.contains("\"state\":\"UNSPECIFIED\"", "\"effective\":false");
	}

	/**
	 * A resolver for an in-house platform that knows nothing about this visitor.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SiteResolver {

		@Bean
		ConsentResolver siteResolver() {
			return (request) -> ConsentDecision.unspecified();
		}

	}

}
