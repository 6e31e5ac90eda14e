package dev.cxp.sample;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site in a real browser with {@code cxp.consent.required=true}, as EU sites should run it:
 * nothing is stored in the browser until the visitor accepts, and the site's words say so.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cxp.consent.required=true")
class RequiredConsentBrowserTests extends BrowserTests {

	@Test
	void nothingIsStoredUntilAccept() throws IOException {
		browser.open(origin() + "/");
		browser.screenshot("5-required-before-accept");
		assertThat(browser.cookieNames()).isEmpty();
		assertThat(browser.localStorageKeys()).isEmpty();
		assertThat(browser.isDisplayed("cxp-banner")).isTrue();
		assertThat(browser.text("cxp-banner-text")).contains("With your consent").contains("Nothing is kept unless you accept");
		assertThat(browser.text("content")).contains("with your consent, and only then");

		browser.follow("About");
		assertThat(browser.cookieNames()).isEmpty();
		assertThat(browser.localStorageKeys()).isEmpty();

		browser.choose("cxp-accept");
		browser.screenshot("5-required-after-accept");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:g~personalization:g"));
		assertThat(browser.cookie("_mspi")).matches("[0-9a-f]{32}");
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		assertThat(browser.text("cxp-purpose-state-analytics")).isEqualTo("analytics: GRANTED, allowed;");

		browser.reload();
		assertThat(browser.localStorage("PISession.Id")).startsWith("{\"id\":\"");
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
	}

}
