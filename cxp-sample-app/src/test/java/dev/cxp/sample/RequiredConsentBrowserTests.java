package dev.cxp.sample;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site in a real browser with {@code cxp.consent.required=true}, as EU sites should run it:
 * nothing is stored in the browser until the visitor accepts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cxp.consent.required=true")
class RequiredConsentBrowserTests {

	private static @Nullable BrowserSession browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = BrowserSession.startIfInstalled();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void freshVisitor() {
		BrowserSession.assumeInstalled(browser);
		browser.reset(origin());
	}

	@Test
	void nothingIsStoredUntilAccept() throws IOException {
		browser.open(origin() + "/");
		browser.screenshot("5-required-before-accept");
		assertThat(browser.cookieNames()).isEmpty();
		assertThat(browser.localStorageKeys()).isEmpty();
		assertThat(browser.isDisplayed("cxp-banner")).isTrue();

		browser.follow("About");
		assertThat(browser.cookieNames()).isEmpty();
		assertThat(browser.localStorageKeys()).isEmpty();

		browser.clickAndWaitForReload("cxp-accept");
		browser.screenshot("5-required-after-accept");
		assertThat(browser.cookie("cxp_consent")).isEqualTo("granted");
		assertThat(browser.cookie("_mspi")).matches("[0-9a-f]{32}");
		assertThat(browser.localStorage("PISession.Id")).startsWith("{\"id\":\"");
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}
