package dev.cxp.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site under its strict Content-Security-Policy ({@code script-src 'self'}, no inline script or
 * style), in a real browser: the starter's script, the sample's banner and the docs' minimal banner run
 * without a single violation or console message. A violation recorder, installed in every document before
 * its own scripts, shows what the browser refused; a deliberate inline script proves that it sees one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyBrowserTests extends BrowserTests {

	// Records every violation the browser reports; and counts the answers to cxp.consent.get() that a page's
	// banner has handled, so that a test knows when a banner has decided to stay closed.
	private static final String RECORDER = """
			window.cxpTestViolations = [];
			document.addEventListener('securitypolicyviolation', function (e) {
				window.cxpTestViolations.push(e.violatedDirective + ' ' + e.blockedURI);
			});
			window.cxpTestAnswered = 0;
			(function () {
				var api;
				Object.defineProperty(window, 'cxp', { configurable: true, get: function () { return api; },
					set: function (value) {
						api = value;
						var get = value.consent.get;
						value.consent.get = function () {
							var promise = get.apply(this, arguments);
							return { then: function (resolved, rejected) {
								return promise.then(function (v) {
									try { return resolved && resolved(v); } finally { window.cxpTestAnswered++; }
								}, function (e) {
									try { return rejected && rejected(e); } finally { window.cxpTestAnswered++; }
								});
							} };
						};
					} });
			})();
			""";

	private String recorder;

	@BeforeEach
	void recordViolations() {
		this.recorder = browser.runOnNewDocuments(RECORDER);
		browser.consoleMessages();
	}

	@AfterEach
	void stopRecording() {
		if (browser != null && this.recorder != null) {
			browser.stopRunningOnNewDocuments(this.recorder);
			browser.driver().executeCdpCommand("Network.enable", Map.of());
			browser.driver().executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
			browser.driver().executeCdpCommand("Network.disable", Map.of());
		}
	}

	@Test
	void theSiteAndItsBannerRunWithoutAViolation() throws IOException {
		List<Object> violations = new ArrayList<>();
		browser.open(origin() + "/");
		browser.click("cxp-customize");
		browser.waitUntilDisplayed("cxp-customize-view");
		browser.click("cxp-purpose-analytics");
		browser.choose("cxp-save");
		browser.click("cxp-privacy-settings");
		browser.choose("cxp-decline");
		violations.addAll(violations());
		browser.follow("About");
		browser.click("cxp-privacy-settings");
		browser.choose("cxp-accept");
		violations.addAll(violations());
		browser.screenshot("15-under-csp");
		assertThat(violations).isEmpty();
		assertThat(browser.consoleMessages()).isEmpty();
	}

	@Test
	void anInlineScriptIsRefusedAndSeen() {
		browser.open(origin() + "/");
		browser.script("var s = document.createElement('script'); s.textContent = 'window.cxpTestInline = true;';"
				+ " document.head.appendChild(s);");
		browser.waitUntil("return window.cxpTestViolations.length > 0;");
		assertThat(browser.script("return window.cxpTestInline === undefined;")).isEqualTo(true);
		assertThat(violations()).singleElement().asString().startsWith("script-src");
		assertThat(browser.consoleMessages()).anyMatch((message) -> message.contains("Content Security Policy"));
	}

	@Test
	void theReadmeBannerRunsUnderThePolicyAndHandsFocusBack() throws IOException {
		browser.driver().get(origin() + "/minimal-banner.html");
		browser.waitUntil("return window.cxpTestAnswered > 0;");
		assertThat(browser.isDisplayed("banner")).isTrue();
		assertThat(browser.focused()).isEqualTo("banner");
		browser.click("decline");
		browser.waitUntil("return document.getElementById('banner').hidden;");
		browser.screenshot("16-readme-banner-declined");
		assertThat(browser.focused()).isEqualTo("MAIN");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:d~ads:d~personalization:d"));
		assertThat(violations()).isEmpty();
		assertThat(browser.consoleMessages()).isEmpty();

		browser.driver().navigate().refresh();
		browser.waitUntil("return window.cxpTestAnswered > 0;");
		assertThat(browser.isDisplayed("banner")).isFalse();
	}

	@Test
	void bothBannersCountGlobalPrivacyControlAsAnAnswer() {
		browser.driver().executeCdpCommand("Network.enable", Map.of());
		browser.driver().executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
		browser.driver().get(origin() + "/minimal-banner.html");
		browser.waitUntil("return window.cxpTestAnswered > 0;");
		assertThat(browser.outcome("window.cxp.consent.get()").get("value"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("source", "gpc");
		assertThat(browser.isDisplayed("banner")).isFalse();

		browser.open(origin() + "/");
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		assertThat(browser.cookieNames()).isEmpty();
		// The visitor can still choose, and a choice made on the site outranks the browser's signal
		browser.click("cxp-privacy-settings");
		browser.choose("cxp-accept");
		assertThat(browser.text("cxp-consent")).startsWith("GRANTED (source: cookie");
	}

	private List<?> violations() {
		return (List<?>) browser.script("return window.cxpTestViolations;");
	}

}
