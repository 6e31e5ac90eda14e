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
 * {@code cxp.js} and Google Consent Mode in a real browser: a page that defines {@code gtag} (Google's
 * snippet: {@code window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}})
 * records a {@code gtag('consent', 'update', ...)} after Accept, Decline and Customize, with the states the
 * server's answer names; a page with only a {@code dataLayer} gets the same entries, pushed as gtag pushes them;
 * a page with neither gets nothing defined, and an answer without {@code googleConsentMode} sends nothing.
 * <p>
 * The page's own scripts may run only from the site (its Content-Security-Policy has no inline script), so the
 * Google snippet is run by the browser before the page's scripts, as a tag manager's would be. Until the server
 * writes {@code googleConsentMode}, {@link ConsentModeAnswers} adds it to the consent endpoint's answers.
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
		this.answers.adding(true);
	}

	@Test
	void anUpdateFollowsAcceptDeclineAndCustomize() {
		this.snippet = browser.runOnNewDocuments(GTAG);
		browser.open(origin() + "/");
		assertThat(entries()).isEmpty();

		browser.choose("cxp-accept");
		assertThat(entries()).containsExactly(update(ALL_GRANTED));

		browser.click("cxp-privacy-settings");
		browser.waitUntilDisplayed("cxp-banner");
		browser.choose("cxp-decline");
		assertThat(entries()).containsExactly(update(ALL_GRANTED), update(ALL_DENIED));

		browser.click("cxp-privacy-settings");
		browser.waitUntilDisplayed("cxp-banner");
		browser.click("cxp-customize");
		browser.waitUntilDisplayed("cxp-customize-view");
		browser.click("cxp-purpose-analytics");
		browser.choose("cxp-save");
		assertThat(entries()).containsExactly(update(ALL_GRANTED), update(ALL_DENIED),
				update(Map.of("analytics_storage", "granted", "ad_storage", "denied", "ad_user_data", "denied",
						"ad_personalization", "denied")));
		assertThat(browser.script("return window.dataLayer.every(function (entry) {"
				+ " return Object.prototype.toString.call(entry) === '[object Arguments]'; });")).isEqualTo(true);
	}

	@Test
	void aPageWithOnlyADataLayerGetsTheSameEntryAsGtagPushes() {
		this.snippet = browser.runOnNewDocuments(DATA_LAYER_ONLY);
		browser.open(origin() + "/");
		browser.choose("cxp-decline");
		assertThat(entries()).containsExactly(update(ALL_DENIED));
		assertThat(browser.script("return typeof window.gtag;")).isEqualTo("undefined");
		assertThat(browser.script("return Object.prototype.toString.call(window.dataLayer[0]);"))
			.isEqualTo("[object Arguments]");
	}

	@Test
	void aPageWithoutGoogleTagsGetsNothingDefined() {
		browser.open(origin() + "/");
		browser.choose("cxp-accept");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:g~personalization:g"));
		assertThat(browser.script("return typeof window.dataLayer + ' ' + typeof window.gtag;"))
			.isEqualTo("undefined undefined");
		assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("cxp.js")
				|| message.contains("Uncaught"));
	}

	@Test
	void anAnswerWithoutTheMemberSendsNothing() {
		this.answers.adding(false);
		this.snippet = browser.runOnNewDocuments(GTAG);
		browser.open(origin() + "/");
		browser.choose("cxp-accept");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:g~personalization:g"));
		assertThat(entries()).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> entries() {
		return ((List<Map<String, Object>>) browser.script(ENTRIES)).stream().map((entry) -> entry.get("args")).toList();
	}

	private static List<Object> update(Map<String, String> types) {
		return List.of("consent", "update", types);
	}

}
