package dev.cxp.sample;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cxp.js} and the banner when the network misbehaves, in a real browser: an answer of
 * {@code /cxp/visitor} that lands after a denial writes nothing, an answer that is not the visitor's JSON
 * (a login page, a proxy's error page) leaves nothing behind, and a choice the server could not record is
 * announced with focus kept where it was.
 * <p>
 * The site runs here with its JSON mapper writing dates as numbers
 * ({@code spring.jackson.datatype.datetime.write-dates-as-timestamps}), as some applications configure it:
 * every session the script copies into local storage in these tests was read from epoch seconds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.jackson.datatype.datetime.write-dates-as-timestamps=true")
@Import(ScriptedAnswers.Configuration.class)
class VisitorAnswersBrowserTests extends BrowserTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ScriptedAnswers answers;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void answerNormally() {
		this.answers.reset();
	}

	@Test
	void anAnswerThatLandsAfterADenialWritesNothing() throws Exception {
		browser.open(origin() + "/");
		String sessionId = storedSession().get("id").asString();

		ScriptedAnswers.Hold hold = this.answers.holdNextVisitorAnswer();
		browser.script("window.cxpTestLateRefresh = window.cxp.refresh().then(function (visitor) {"
				+ " return visitor.consent.state; });");
		// The server answered with the session, before the denial; the answer is on its way
		assertThat(hold.awaitMade()).contains("\"id\":\"" + sessionId + "\"");

		Map<String, Object> denial = browser.outcome("window.cxp.consent.deny()");
		assertThat(denial).containsEntry("outcome", "resolved");
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));
		browser.script("window.cxpTestWrites = []; var setItem = Storage.prototype.setItem;"
				+ "Storage.prototype.setItem = function (key) { window.cxpTestWrites.push(key);"
				+ " return setItem.apply(this, arguments); };");

		hold.release();
		// The late answer is not written: the refresh asks again, after the denial, and hears DENIED
		assertThat(browser.outcome("window.cxpTestLateRefresh")).containsEntry("outcome", "resolved")
			.containsEntry("value", "DENIED");
		assertThat(browser.script("return window.cxpTestWrites;")).isEqualTo(List.of());
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));
		assertThat(browser.cookieNames()).containsExactly("cxp_consent");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a login page after a redirect | 200 | text/html        | <!DOCTYPE html><html><body><form>Sign in</form></body></html>
			a proxy's error page          | 502 | text/html        | <html><body><h1>502 Bad Gateway</h1></body></html>
			another JSON                  | 200 | application/json | {"status":"UP"}
			""")
	void anUnreadableAnswerClearsWhatAnEarlierAnswerStored(String what, int status, String contentType, String body)
			throws IOException {
		browser.open(origin() + "/");
		assertThat(browser.localStorage("PISession.Id")).isNotNull();

		this.answers.answerVisitor(status, contentType, body);
		assertThat(browser.outcome("window.cxp.refresh()")).containsEntry("outcome", "rejected");
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));

		// A new page while the answers stay unreadable: nothing comes back, and the page still works
		browser.reload();
		browser.screenshot("13-unreadable-" + status);
		assertThat(browser.outcome("window.cxp.ready")).containsEntry("outcome", "rejected");
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));
		assertThat(browser.text("cxp-local-storage")).isEqualTo("nothing");
		assertThat(browser.isDisplayed("cxp-banner")).isTrue();
	}

	@Test
	void anUnreadableAnswerClearsStaleDataOfADeniedVisitor() {
		browser.open(origin() + "/");
		browser.choose("cxp-decline");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:d~ads:d~personalization:d"));
		// Left by an older script, or another tab that lost a race
		browser.script("window.localStorage.setItem('PISession.Id', '{\"id\":\"stale\"}');"
				+ "window.localStorage.setItem('PISession.Previous', '/stale');");

		this.answers.answerVisitor(200, "text/html", "<!DOCTYPE html><html><body>Sign in</body></html>");
		browser.reload();
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));
	}

	@Test
	void aChoiceTheServerCouldNotRecordIsAnnouncedAndFocusStays() throws IOException {
		browser.open(origin() + "/");
		long records = records();
		this.answers.failChoices(true);
		browser.choose("cxp-accept");
		browser.screenshot("14-choice-failed");
		assertThat(browser.text("cxp-banner-error")).isEqualTo("Your choice could not be saved. Please try again.");
		assertThat(browser.driver().findElement(org.openqa.selenium.By.id("cxp-banner-error")).getAttribute("role"))
			.isEqualTo("alert");
		assertThat(browser.focused()).isEqualTo("cxp-accept");
		assertThat(browser.isDisplayed("cxp-banner")).isTrue();
		assertThat(browser.cookie("cxp_consent")).isNull();
		assertThat(records()).isEqualTo(records);

		this.answers.failChoices(false);
		browser.choose("cxp-accept");
		assertThat(browser.text("cxp-banner-error")).isEmpty();
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		assertThat(browser.focused()).isEqualTo("cxp-choice-status");
		assertThat(records()).isEqualTo(records + 1);
	}

	@Test
	void datesAreReadAsTheApplicationWritesThem() throws Exception {
		browser.open(origin() + "/");
		JsonNode answer = json.readTree(browser.outcome("window.fetch('/cxp/visitor').then(function (r) {"
				+ " return r.text(); })").get("value").toString());
		JsonNode session = answer.get("session");
		assertThat(session.get("startedAt").isNumber()).as("epoch seconds in %s", answer).isTrue();
		JsonNode stored = storedSession();
		assertThat(stored.get("id").asString()).isEqualTo(session.get("id").asString());
		assertThat(stored.get("start").asLong()).isEqualTo(epochMillis(session.get("startedAt")));
		assertThat(stored.get("expiry").asLong()).isEqualTo(epochMillis(session.get("expiresAt")));

		// Epoch milliseconds, and ISO-8601 text with nanoseconds, as other mappers write them
		for (String[] dates : new String[][] { { "1772360130123", "1772361930123" },
				{ "\"2026-03-01T10:15:30.123456789Z\"", "\"2026-03-01T10:45:30.123456789Z\"" } }) {
			this.answers.answerVisitor(200, "application/json",
					"{\"visitorId\":\"0123456789abcdef0123456789abcdef\",\"consent\":{\"state\":\"GRANTED\","
							+ "\"source\":\"cookie\",\"effective\":true},\"session\":{\"id\":\"s1\",\"startedAt\":"
							+ dates[0] + ",\"expiresAt\":" + dates[1] + ",\"previousPage\":\"/\"},\"region\":null}");
			assertThat(browser.outcome("window.cxp.refresh()")).containsEntry("outcome", "resolved");
			assertThat(storedSession().get("start").asLong()).as(dates[0]).isEqualTo(1772360130123L);
			assertThat(storedSession().get("expiry").asLong()).as(dates[1]).isEqualTo(1772361930123L);
			assertThat(browser.localStorage("PISession.Previous")).isEqualTo("/");
		}
	}

	// Epoch seconds with a fraction, in milliseconds, as a browser computes them
	private static long epochMillis(JsonNode epochSeconds) {
		return (long) Math.floor(epochSeconds.asDouble() * 1000);
	}

	private JsonNode storedSession() {
		String stored = browser.localStorage("PISession.Id");
		assertThat(stored).isNotNull();
		return json.readTree(stored);
	}

	private long records() {
		return this.jdbc.sql("SELECT COUNT(*) FROM cxp_consent_record").query(Long.class).single();
	}

}
