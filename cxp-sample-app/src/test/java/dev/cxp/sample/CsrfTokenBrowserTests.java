package dev.cxp.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code cxp.js} sends of the CSRF token a page offers, seen in a real browser by recording its calls: the
 * header and token of Spring Security's {@code _csrf} meta tags first, else the {@code XSRF-TOKEN} cookie as
 * {@code X-XSRF-TOKEN}, nothing on a page that offers neither, and never on a read.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CsrfTokenBrowserTests extends BrowserTests {

	private static final String RECORD_CALLS = "window.cxpTestCalls = []; var fetch = window.fetch;"
			+ " window.fetch = function (url, init) { window.cxpTestCalls.push({ method: init.method,"
			+ " headers: Object.assign({}, init.headers) }); return fetch.apply(this, arguments); };";

	@BeforeEach
	void recordCalls() {
		browser.open(origin() + "/");
		browser.script(RECORD_CALLS);
	}

	@Test
	void pageWithoutATokenSendsNone() {
		assertThat(browser.outcome("window.cxp.consent.grant()")).containsEntry("outcome", "resolved");
		assertThat(choiceHeaders()).doesNotContainKeys("X-CSRF-TOKEN", "X-XSRF-TOKEN");
	}

	@Test
	@SuppressWarnings("unchecked")
	void xsrfTokenCookieIsSentAsItsHeaderOnChoicesOnly() {
		browser.script("document.cookie = 'XSRF-TOKEN=a%2Bb-token; path=/';");
		assertThat(browser.outcome("window.cxp.consent.deny()")).containsEntry("outcome", "resolved");
		assertThat(browser.outcome("window.cxp.refresh()")).containsEntry("outcome", "resolved");
		assertThat(choiceHeaders()).containsEntry("X-XSRF-TOKEN", "a+b-token");
		assertThat(calls()).filteredOn((call) -> "GET".equals(call.get("method")))
			.isNotEmpty()
			.allSatisfy((call) -> assertThat((Map<String, Object>) call.get("headers")).doesNotContainKey("X-XSRF-TOKEN"));
	}

	@Test
	void metaTagsWinOverTheCookieUnlessTheirHeaderNameIsNotAName() {
		browser.script("document.cookie = 'XSRF-TOKEN=cookie-token; path=/';"
				+ " var token = document.createElement('meta'); token.name = '_csrf'; token.content = 'meta-token';"
				+ " var header = document.createElement('meta'); header.name = '_csrf_header';"
				+ " header.content = 'X-CSRF-TOKEN'; document.head.append(token, header);");
		assertThat(browser.outcome("window.cxp.consent.set({analytics: true})")).containsEntry("outcome", "resolved");
		assertThat(choiceHeaders()).containsEntry("X-CSRF-TOKEN", "meta-token").doesNotContainKey("X-XSRF-TOKEN");
		browser.script("document.querySelector('meta[name=_csrf_header]').content = 'X-CSRF-TOKEN: evil\\r\\nX';"
				+ " window.cxpTestCalls = [];");
		assertThat(browser.outcome("window.cxp.consent.grant()")).containsEntry("outcome", "resolved");
		assertThat(choiceHeaders()).containsEntry("X-XSRF-TOKEN", "cookie-token").doesNotContainKey("X-CSRF-TOKEN");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> calls() {
		return (List<Map<String, Object>>) browser.script("return window.cxpTestCalls;");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> choiceHeaders() {
		return calls().stream()
			.filter((call) -> "PUT".equals(call.get("method")) || "DELETE".equals(call.get("method")))
			.map((call) -> (Map<String, Object>) call.get("headers"))
			.reduce((first, last) -> last)
			.orElseThrow();
	}

}
