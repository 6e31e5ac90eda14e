package dev.cxp.sample;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that blocks the site's data outright (Chromium's "block all cookies and site data"): reading
 * {@code window.localStorage} throws a {@code SecurityError}, and no cookie is kept. The banner and the
 * panel still work, the trouble is reported apart, and nothing ends in an uncaught error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BlockedStorageBrowserTests extends BrowserTests {

	@Autowired
	JdbcClient jdbc;

	@Override
	Map<String, Object> browserPreferences() {
		return Map.of("profile.default_content_setting_values.cookies", 2);
	}

	@Test
	void theBannerAndThePanelWorkAndTheTroubleIsReportedApart() throws IOException {
		browser.consoleMessages();
		browser.open(origin() + "/");
		browser.screenshot("12-storage-blocked");
		assertThat(browser.script("try { window.localStorage; return 'readable'; } catch (e) { return e.name; }"))
			.isEqualTo("SecurityError");
		assertThat(browser.outcome("window.cxp.ready")).containsEntry("outcome", "resolved");
		// No cookie is kept, so each request is a new visitor without a session: there is only storage to clear
		assertThat(browser.script("return window.cxp.storageProblem;"))
			.isEqualTo(Map.of("operation", "clear", "name", "SecurityError"));
		assertThat(browser.text("cxp-local-storage"))
			.startsWith("not available: this browser blocks the site's storage (SecurityError)");
		assertThat(browser.isDisplayed("cxp-banner")).isTrue();

		long records = records();
		browser.choose("cxp-decline");
		assertThat(browser.text("cxp-banner-error")).isEmpty();
		assertThat(browser.text("cxp-choice-status")).startsWith("Your choice is saved.");
		assertThat(records()).isEqualTo(records + 1);
		assertThat(browser.outcome("window.cxp.refresh()")).containsEntry("outcome", "resolved");
		assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Uncaught"));
	}

	private long records() {
		return this.jdbc.sql("SELECT COUNT(*) FROM cxp_consent_record").query(Long.class).single();
	}

}
