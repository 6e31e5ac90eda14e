package dev.cxp.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cxp.js} and Google Consent Mode in a real browser, with the sample's
 * {@code cxp.consent.google-consent-mode.enabled}: as a page loads, before anything else reaches the Google tags,
 * the {@code dataLayer} gets {@code gtag('consent', 'default', ...)} with the server's decision for that very
 * request (from the template's {@code data-consent-mode}, without a request of its own); after Accept, Decline and
 * Customize it gets {@code gtag('consent', 'update', ...)} with the states the server's answer names. A page with
 * only a {@code dataLayer}, or with no Google tag yet, gets the same entries, pushed as gtag pushes them; an answer
 * without {@code googleConsentMode} sends no update.
 * <p>
 * The page's own scripts may run only from the site (its Content-Security-Policy has no inline script), so the
 * Google snippet is run by the browser before the page's scripts, as a tag manager's would be.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ConsentModeAnswers.Configuration.class)
class GoogleConsentModeBrowserTests extends BrowserTests {

	private static final String GTAG = "window.dataLayer = window.dataLayer || [];"
			+ " window.gtag = function () { window.dataLayer.push(arguments); };";

	private static final String DATA_LAYER_ONLY = "window.dataLayer = window.dataLayer || [];";

	// Each entry as an array, and whether it was an arguments object, as gtag pushes them
	private static final String ENTRIES = "return (window.dataLayer || []).map(function (entry) {"
			+ " return { args: Array.prototype.slice.call(entry),"
			+ " arguments: Object.prototype.toString.call(entry) === '[object Arguments]' }; });";

	private static final Map<String, String> ALL_GRANTED = Map.of("analytics_storage", "granted", "ad_storage",
			"granted", "ad_user_data", "granted", "ad_personalization", "granted");

	private static final Map<String, String> ALL_DENIED = Map.of("analytics_storage", "denied", "ad_storage", "denied",
			"ad_user_data", "denied", "ad_personalization", "denied");

	@Autowired
	ConsentModeAnswers answers;

	private String snippet;

	@AfterEach
	void stopSnippet() {
		if (this.snippet != null) {
			browser.stopRunningOnNewDocuments(this.snippet);
			this.snippet = null;
		}
		this.answers.removing(false);
	}

	@Test
	void theServersDefaultComesFirstThenAnUpdateFollowsEachChoice() {
		this.snippet = browser.runOnNewDocuments(GTAG);
		browser.open(origin() + "/");
		// The sample does not require consent: before a choice every purpose is effective
		assertThat(entries()).containsExactly(consent("default", ALL_GRANTED));

		browser.choose("cxp-accept");
		assertThat(entries()).containsExactly(consent("default", ALL_GRANTED), consent("update", ALL_GRANTED));

		browser.click("cxp-privacy-settings");
		browser.waitUntilDisplayed("cxp-banner");
		browser.choose("cxp-decline");
		assertThat(entries()).containsExactly(consent("default", ALL_GRANTED), consent("update", ALL_GRANTED),
				consent("update", ALL_DENIED));

		browser.click("cxp-privacy-settings");
		browser.waitUntilDisplayed("cxp-banner");
		browser.click("cxp-customize");
		browser.waitUntilDisplayed("cxp-customize-view");
		browser.click("cxp-purpose-analytics");
		browser.choose("cxp-save");
		Map<String, String> analyticsOnly = Map.of("analytics_storage", "granted", "ad_storage", "denied",
				"ad_user_data", "denied", "ad_personalization", "denied");
		assertThat(entries()).containsExactly(consent("default", ALL_GRANTED), consent("update", ALL_GRANTED),
				consent("update", ALL_DENIED), consent("update", analyticsOnly));
		assertThat(browser.script("return window.dataLayer.every(function (entry) {"
				+ " return Object.prototype.toString.call(entry) === '[object Arguments]'; });")).isEqualTo(true);

		// The next page starts from the recorded choice
		browser.open(origin() + "/about");
		assertThat(entries()).containsExactly(consent("default", analyticsOnly));
	}

	@Test
	void aPageWithOnlyADataLayerGetsTheSameEntriesAsGtagPushes() {
		this.snippet = browser.runOnNewDocuments(DATA_LAYER_ONLY);
		browser.open(origin() + "/");
		browser.choose("cxp-decline");
		assertThat(entries()).containsExactly(consent("default", ALL_GRANTED), consent("update", ALL_DENIED));
		assertThat(browser.script("return typeof window.gtag;")).isEqualTo("undefined");
		assertThat(browser.script("return Object.prototype.toString.call(window.dataLayer[0]);"))
			.isEqualTo("[object Arguments]");
		browser.open(origin() + "/");
		assertThat(entries()).containsExactly(consent("default", ALL_DENIED));
	}

	@Test
	void aPageWhoseGoogleTagComesLaterFindsTheDefaultWaitingInItsDataLayer() {
		browser.open(origin() + "/");
		// Google's snippet keeps what is there: window.dataLayer = window.dataLayer || []
		assertThat(entries()).containsExactly(consent("default", ALL_GRANTED));
		assertThat(browser.script("return typeof window.gtag;")).isEqualTo("undefined");
		browser.choose("cxp-accept");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:g~personalization:g"));
		assertThat(entries()).containsExactly(consent("default", ALL_GRANTED), consent("update", ALL_GRANTED));
		assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("cxp.js")
				|| message.contains("Uncaught"));
	}

	@Test
	void anAnswerWithoutTheMemberSendsNoUpdate() {
		this.answers.removing(true);
		this.snippet = browser.runOnNewDocuments(GTAG);
		browser.open(origin() + "/");
		browser.choose("cxp-accept");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:g~personalization:g"));
		assertThat(entries()).containsExactly(consent("default", ALL_GRANTED));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> entries() {
		return ((List<Map<String, Object>>) browser.script(ENTRIES)).stream().map((entry) -> entry.get("args")).toList();
	}

	private static List<Object> consent(String command, Map<String, String> types) {
		return List.of("consent", command, types);
	}

}
