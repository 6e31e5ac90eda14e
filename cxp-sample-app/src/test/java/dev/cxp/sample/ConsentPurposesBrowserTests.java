package dev.cxp.sample;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site's purposes ({@code analytics}, {@code ads}, {@code personalization}) in a real browser: the
 * banner's "Customize" view, and the banner shown again when the privacy policy's revision changes. For the
 * revision, a second instance of the site runs with another revision on another port: browsers share cookies
 * between the ports of one host, so the second instance reads the choice recorded on the first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsentPurposesBrowserTests extends BrowserTests {

	private static final String ALL_GRANTED = "analytics:g~ads:g~personalization:g";

	@Test
	void customizeOffersOneSwitchPerPurposeAndRecordsEach() throws IOException {
		browser.open(origin() + "/");
		assertThat(browser.isDisplayed("cxp-banner")).isTrue();
		browser.click("cxp-customize");
		browser.waitUntilDisplayed("cxp-customize-view");
		assertThat(browser.isDisplayed("cxp-purpose-analytics")).isTrue();
		assertThat(browser.isDisplayed("cxp-purpose-ads")).isTrue();
		assertThat(browser.isDisplayed("cxp-purpose-personalization")).isTrue();
		browser.click("cxp-purpose-analytics");
		browser.click("cxp-purpose-personalization");
		browser.screenshot("6-customize");
		browser.choose("cxp-save");
		browser.screenshot("6-customized");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:d~personalization:g"));
		assertThat(browser.cookie("_mspi")).matches("[0-9a-f]{32}");
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		assertThat(browser.text("cxp-purpose-state-analytics")).startsWith("analytics: GRANTED, allowed");
		assertThat(browser.text("cxp-purpose-state-ads")).startsWith("ads: DENIED, not allowed");
		assertThat(browser.text("cxp-purpose-state-personalization")).startsWith("personalization: GRANTED, allowed");
	}

	@Test
	void customizeWithoutTheTrackingPurposeErasesTheVisitor() throws IOException {
		browser.open(origin() + "/");
		assertThat(browser.cookie("_mspi")).isNotNull();
		assertThat(browser.localStorage("PISession.Id")).isNotNull();
		browser.click("cxp-customize");
		browser.waitUntilDisplayed("cxp-customize-view");
		browser.click("cxp-purpose-ads");
		browser.choose("cxp-save");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:d~ads:g~personalization:d"));
		assertThat(browser.cookieNames()).containsExactly("cxp_consent");
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));
		assertThat(browser.text("cxp-visitor-id")).isEqualTo("none (no consent)");
		assertThat(browser.text("cxp-purpose-state-ads")).startsWith("ads: GRANTED, allowed");
	}

	@Test
	void customizeShowsTheRecordedChoice() throws IOException {
		browser.open(origin() + "/");
		browser.choose("cxp-accept");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1." + ALL_GRANTED));
		browser.click("cxp-privacy-settings");
		browser.waitUntilDisplayed("cxp-banner");
		browser.click("cxp-customize");
		browser.waitUntilDisplayed("cxp-customize-view");
		assertThat(browser.isSelected("cxp-purpose-ads")).isTrue();
		browser.click("cxp-purpose-ads");
		browser.choose("cxp-save");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:d~personalization:g"));
	}

	@Test
	void aNewRevisionAsksAgainAfterAGrantButNotAfterARefusal() throws IOException {
		browser.open(origin() + "/");
		browser.choose("cxp-accept");
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		try (ConfigurableApplicationContext revised = start("2")) {
			String revisedOrigin = "http://localhost:" + revised.getEnvironment().getProperty("local.server.port");
			browser.open(revisedOrigin + "/");
			browser.screenshot("7-new-revision");
			assertThat(browser.isDisplayed("cxp-banner")).isTrue();
			assertThat(browser.text("cxp-consent")).startsWith("UNSPECIFIED");
			browser.choose("cxp-decline");
			assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.2.analytics:d~ads:d~personalization:d"));
			assertThat(browser.isDisplayed("cxp-banner")).isFalse();

			// Back under revision 1: the refusal given under revision 2 stays a refusal, and nothing is asked
			browser.open(origin() + "/");
			assertThat(browser.isDisplayed("cxp-banner")).isFalse();
			assertThat(browser.text("cxp-consent")).startsWith("DENIED");
			assertThat(browser.cookieNames()).containsExactly("cxp_consent");

			// A grant given under revision 1 is asked again under revision 2
			browser.click("cxp-privacy-settings");
			browser.waitUntilDisplayed("cxp-banner");
			browser.choose("cxp-accept");
			browser.open(revisedOrigin + "/");
			assertThat(browser.isDisplayed("cxp-banner")).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(String revision) {
		// Arguments, not default properties: the site's application.yml sets the revision and would win
		return new SpringApplicationBuilder(SampleApplication.class).profiles("test")
			.run("--server.port=0", "--cxp.consent.revision=" + revision);
	}

}
