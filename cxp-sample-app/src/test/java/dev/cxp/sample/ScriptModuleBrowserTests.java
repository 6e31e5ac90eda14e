package dev.cxp.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's script loaded as a module ({@code type="module"}), which has no
 * {@code document.currentScript}: it finds its base path from its element's address, or from the
 * element's {@code data-cxp-base-path} attribute.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScriptModuleBrowserTests extends BrowserTests {

	@Test
	void asAModuleItFindsItsBasePathFromItsAddress() {
		openModulePage("/module/index.html");
		assertThat(browser.script("return window.cxp.basePath;")).isEqualTo("/cxp");
		Map<String, Object> ready = browser.outcome("window.cxp.ready");
		assertThat(ready).containsEntry("outcome", "resolved");
		assertThat(ready.get("value")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("visitorId", browser.cookie("_mspi"));
	}

	@Test
	void asAModuleItTakesTheBasePathNamedOnItsElement() {
		openModulePage("/module/named.html");
		assertThat(browser.script("return window.cxp.basePath;")).isEqualTo("/elsewhere");
		assertThat(browser.outcome("window.cxp.ready")).containsEntry("outcome", "rejected");
		assertThat(browser.script("return performance.getEntriesByType('resource')"
				+ ".some(function (e) { return new URL(e.name).pathname === '/elsewhere/visitor'; });")).isEqualTo(true);
	}

	private void openModulePage(String path) {
		browser.driver().get(origin() + path);
		// A module runs once the document is parsed
		browser.waitUntil("return window.cxp !== undefined;");
	}

}
