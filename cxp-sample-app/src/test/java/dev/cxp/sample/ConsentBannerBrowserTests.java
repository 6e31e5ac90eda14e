package dev.cxp.sample;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site in a real browser, with the default policy (consent not required): the consent banner,
 * the cookies the browser ends up holding, and the local storage that {@code cxp.js} keeps in step.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsentBannerBrowserTests extends BrowserTests {

	@Test
	void firstVisitKeepsAVisitorIdAndASessionAndSaysSoUntilTheVisitorDeclines() throws IOException {
		browser.open(origin() + "/");
		browser.screenshot("1-first-visit");
		assertThat(browser.cookie("_mspi")).matches("[0-9a-f]{32}");
		assertThat(browser.cookie("cxp_consent")).isNull();
		assertThat(browser.localStorage("PISession.Id")).startsWith("{\"id\":\"");
		assertThat(browser.localStorage("PISession.Previous")).isNull();
		assertThat(browser.text("cxp-session")).startsWith(sessionId());
		assertThat(browser.isDisplayed("cxp-banner")).isTrue();
		assertThat(browser.text("cxp-banner-text")).contains("from your first page on").contains("unless you decline");
		assertThat(browser.text("content")).contains("unless you decline").doesNotContain("only with");
	}

	@Test
	void declineErasesEverythingAndAReloadWritesNothing() throws IOException {
		browser.open(origin() + "/");
		assertThat(browser.cookie("_mspi")).isNotNull();
		assertThat(browser.localStorage("PISession.Id")).isNotNull();

		browser.choose("cxp-decline");
		browser.screenshot("2-declined");
		assertDeclined();
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		assertThat(browser.text("cxp-visitor-id")).isEqualTo("none (no consent)");
		assertThat(browser.text("cxp-session")).isEqualTo("none");
		assertThat(browser.text("cxp-local-storage")).isEqualTo("nothing");

		browser.reload();
		assertDeclined();
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
	}

	@Test
	void acceptAfterDeclineBringsTheVisitorIdBackAndTheSessionWithTheNextPage() throws IOException {
		browser.open(origin() + "/");
		browser.choose("cxp-decline");
		assertDeclined();

		browser.click("cxp-privacy-settings");
		browser.waitUntilDisplayed("cxp-banner");
		browser.choose("cxp-accept");
		browser.screenshot("3-accepted-again");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:g~personalization:g"));
		assertThat(browser.cookie("_mspi")).matches("[0-9a-f]{32}");
		assertThat(browser.text("cxp-visitor-id")).isEqualTo(browser.cookie("_mspi"));
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		// A grant starts no session by itself: the next page view does
		assertThat(browser.text("cxp-session")).isEqualTo("none");
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));

		browser.reload();
		assertThat(browser.localStorage("PISession.Id")).startsWith("{\"id\":\"" + sessionId() + "\"");
	}

	@Test
	void theNextPageRemembersThePreviousOne() throws IOException {
		browser.open(origin() + "/");
		String sessionId = sessionId();
		browser.follow("About");
		browser.screenshot("4-previous-page");
		assertThat(browser.localStorage("PISession.Previous")).isEqualTo("/");
		assertThat(browser.localStorage("PISession.Id")).startsWith("{\"id\":\"" + sessionId + "\"");
		assertThat(browser.text("cxp-previous-page")).isEqualTo("/");
	}

	private void assertDeclined() {
		assertThat(browser.cookieNames()).containsExactly("cxp_consent");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:d~ads:d~personalization:d"));
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));
	}

	private String sessionId() {
		String session = browser.text("cxp-session");
		return session.substring(0, session.indexOf(','));
	}

}
