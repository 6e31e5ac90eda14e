package dev.cxp.sample;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

	String origin() {
		return "http://localhost:" + this.port;
	}

}
