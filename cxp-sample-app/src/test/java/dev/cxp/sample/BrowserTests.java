package dev.cxp.sample;

import java.io.IOException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every real-browser test of the sample site shares: one browser per test class, started where
 * Chromium is installed, and a fresh visitor (no cookies, empty local storage) before each test.
 */
abstract class BrowserTests {

	static @Nullable BrowserSession browser;

	@LocalServerPort
	int port;

	// Started by the first test of the class rather than before it, so that a class can choose its browser's
	// preferences, and so that servers the class's extensions start are up before its application.
	@BeforeEach
	void freshVisitor() throws IOException {
		if (browser == null) {
			browser = BrowserSession.startIfInstalled(browserPreferences());
		}
		BrowserSession.assumeInstalled(browser);
		browser.reset(origin());
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	/**
	 * Chromium preferences for this class's browser.
	 * @return the preferences, none by default
	 */
	Map<String, Object> browserPreferences() {
		return Map.of();
	}

	/**
	 * The consent cookie's value for a choice, followed by the receipt id of its record in the sample app's
	 * consent ledger.
	 * @param choice the value without the receipt, such as {@code 1.1.analytics:g~ads:g~personalization:g}
	 * @return a regular expression for the value with its receipt id
	 */
	static String withReceipt(String choice) {
		return java.util.regex.Pattern.quote(choice) + "\\.[0-9a-f]{32}";
	}

	String origin() {
		return "http://localhost:" + this.port;
	}

}
