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
 * A browser whose local storage for the site is full, so that every write throws a
 * {@code QuotaExceededError} (as a full storage does, and Safari's private mode did): {@code cxp.js}
 * reports the trouble apart, never as a failed choice, and keeps no older session behind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FullStorageBrowserTests extends BrowserTests {

	// Fills the origin's storage with ever smaller items until not even one more character fits.
	private static final String FILL_STORAGE = """
			var n = 0;
			for (var size = 1 << 20; size >= 1; size >>= 2) {
				var value = 'x'.repeat(size);
				for (;;) {
					try { window.localStorage.setItem('f' + n, value); n++; } catch (e) { break; }
				}
			}
			try { window.localStorage.setItem('probe', 'x'); return 'not full'; }
			catch (e) { return e.name; }
			""";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRecordedChoiceIsReportedAsRecordedAndTheTroubleApart() throws IOException {
		// A session of an earlier visit, left in storage before it filled up
		browser.script("window.localStorage.setItem('PISession.Id', '{\"id\":\"old\"}');"
				+ "window.localStorage.setItem('PISession.Previous', '/old');");
		assertThat(browser.script(FILL_STORAGE)).isEqualTo("QuotaExceededError");

		browser.open(origin() + "/");
		assertThat(outcome("window.cxp.ready")).containsEntry("outcome", "resolved");
		assertThat(browser.script("return window.cxp.storageProblem;"))
			.isEqualTo(Map.of("operation", "write", "name", "QuotaExceededError"));
		assertThat(browser.localStorage("PISession.Id")).as("no older session kept").isNull();
		assertThat(browser.localStorage("PISession.Previous")).isNull();
		assertThat(browser.text("cxp-local-storage")).isEqualTo(
				"nothing (this browser refused to keep the visit session: QuotaExceededError)");

		long records = records();
		browser.choose("cxp-accept");
		browser.screenshot("11-full-storage-accepted");
		assertThat(browser.text("cxp-banner-error")).isEmpty();
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		assertThat(browser.text("cxp-choice-status")).startsWith("Your choice is saved.");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:g~personalization:g"));
		assertThat(records()).as("one choice, one record").isEqualTo(records + 1);

		// The next page starts a session, which the storage cannot keep: the page still works
		browser.reload();
		assertThat(browser.text("cxp-session")).isNotEqualTo("none");
		assertThat(browser.localStorage("PISession.Id")).isNull();
		browser.script("window.cxpTestProblems = [];"
				+ "window.addEventListener('cxp:storageproblem', function (e) { window.cxpTestProblems.push(e.detail); });");
		assertThat(outcome("window.cxp.refresh()")).containsEntry("outcome", "resolved");
		assertThat(browser.script("return window.cxpTestProblems;"))
			.isEqualTo(java.util.List.of(Map.of("operation", "write", "name", "QuotaExceededError")));
		Map<String, Object> grant = outcome("window.cxp.consent.grant()");
		assertThat(grant).containsEntry("outcome", "resolved");
		assertThat(grant.get("value")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("state", "GRANTED");
		assertThat(records()).isEqualTo(records + 2);
	}

	@Test
	void aDenialStillClearsAFullStorage() {
		browser.open(origin() + "/");
		assertThat(browser.localStorage("PISession.Id")).isNotNull();
		assertThat(browser.script(FILL_STORAGE)).isEqualTo("QuotaExceededError");
		browser.choose("cxp-decline");
		assertThat(browser.text("cxp-banner-error")).isEmpty();
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));
		assertThat(browser.script("return window.cxp.storageProblem;")).isNull();
	}

	private Map<String, Object> outcome(String promise) {
		return browser.outcome(promise);
	}

	private long records() {
		return this.jdbc.sql("SELECT COUNT(*) FROM cxp_consent_record").query(Long.class).single();
	}

}
