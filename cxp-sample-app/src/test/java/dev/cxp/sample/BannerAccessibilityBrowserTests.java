package dev.cxp.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent banner for everyone, in a real browser: axe-core finds no violation of WCAG 2.2 AA (nor of its
 * best practices), serious, critical or other, on its first layer or its Customize view; a keyboard alone makes, changes and withdraws a
 * choice, with focus going into the dialog when it opens and back when it closes; nothing that has focus
 * is ever hidden behind the banner; Decline is as easy as Accept; and the pages reflow to a 320 × 568 phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BannerAccessibilityBrowserTests extends BrowserTests {

	private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
			"best-practice");

	// Whether the element that has focus can be seen: inside the viewport, and what the browser shows at its
	// centre is the element itself (or a part of it), not something in front of it.
	private static final String FOCUS_IS_VISIBLE = """
			var e = document.activeElement;
			if (!e || e === document.body) { return 'nothing has focus'; }
			var r = e.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) { return e.id + ' has no size'; }
			var x = r.left + r.width / 2, y = r.top + r.height / 2;
			if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) { return e.id + ' is out of view'; }
			var shown = document.elementFromPoint(x, y);
			return (shown === e || e.contains(shown)) ? 'visible' : e.id + ' is covered by ' + (shown && (shown.id || shown.tagName));
			""";

	@AfterEach
	void ownWindowAgain() {
		if (browser != null) {
			browser.stopEmulating();
		}
	}

	@Test
	void theFirstLayerHasNoViolation() throws IOException {
		browser.open(origin() + "/");
		assertThat(browser.isDisplayed("cxp-banner")).isTrue();
		browser.screenshot("8-first-layer");
		assertNoViolation(new AxeBuilder().withTags(WCAG_22_AA).analyze(browser.driver()));
	}

	@Test
	void theCustomizeViewHasNoViolation() throws IOException {
		browser.open(origin() + "/");
		browser.click("cxp-customize");
		browser.waitUntilDisplayed("cxp-customize-view");
		browser.screenshot("8-customize-view");
		assertNoViolation(new AxeBuilder().withTags(WCAG_22_AA).analyze(browser.driver()));
	}

	@Test
	void theBannerIsALabelledDialogFirstInTheTabOrder() {
		browser.open(origin() + "/");
		WebElement banner = browser.driver().findElement(By.id("cxp-banner"));
		assertThat(banner.getAttribute("role")).isEqualTo("dialog");
		assertThat(browser.text(banner.getAttribute("aria-labelledby"))).isEqualTo("Your privacy");
		assertThat(browser.text(banner.getAttribute("aria-describedby"))).contains("_mspi");
		assertThat(browser.driver().findElement(By.id("cxp-banner-error")).getAttribute("role")).isEqualTo("alert");
		assertThat(browser.driver().findElement(By.id("cxp-choice-status")).getAttribute("role")).isEqualTo("status");
		// Opened by the page on a first visit: the dialog takes focus, and the next Tab reaches its first choice
		assertThat(browser.focused()).isEqualTo("cxp-banner");
		browser.press(Keys.TAB);
		assertThat(browser.focused()).isEqualTo("cxp-accept");
	}

	@Test
	void aKeyboardAloneMakesChangesAndWithdrawsAChoice() throws IOException {
		browser.open(origin() + "/");
		assertThat(browser.focused()).isEqualTo("cxp-banner");
		assertThat(tabUntil("cxp-customize")).isTrue();
		browser.press(Keys.ENTER);
		assertThat(browser.focused()).isEqualTo("cxp-purpose-analytics");
		// Keep analytics, leave out ads, keep personalization
		browser.press(Keys.SPACE);
		browser.press(Keys.TAB, Keys.TAB);
		browser.press(Keys.SPACE);
		assertThat(tabUntil("cxp-save")).isTrue();
		browser.pressToChoose(Keys.ENTER);
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		browser.screenshot("9-keyboard-saved");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:g~ads:d~personalization:g"));
		// Opened by the page itself, the dialog hands focus to the message that confirms the choice
		assertThat(browser.focused()).isEqualTo("cxp-choice-status");
		assertThat(browser.text("cxp-choice-status")).startsWith("Your choice is saved.");

		assertThat(tabUntil("cxp-privacy-settings")).isTrue();
		browser.press(Keys.ENTER);
		assertThat(browser.isDisplayed("cxp-banner")).isTrue();
		assertThat(browser.focused()).isEqualTo("cxp-banner");
		// Escape closes without a choice and gives focus back to what opened the dialog
		browser.press(Keys.ESCAPE);
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		assertThat(browser.focused()).isEqualTo("cxp-privacy-settings");

		browser.press(Keys.ENTER);
		assertThat(tabUntil("cxp-decline")).isTrue();
		browser.pressToChoose(Keys.SPACE);
		assertThat(browser.isDisplayed("cxp-banner")).isFalse();
		assertThat(browser.focused()).isEqualTo("cxp-privacy-settings");
		assertThat(browser.cookieNames()).containsExactly("cxp_consent");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:d~ads:d~personalization:d"));
		assertThat(browser.localStorageKeys()).noneMatch((key) -> key.startsWith("PISession."));
		assertThat(browser.text("cxp-visitor-id")).isEqualTo("none (no consent)");
	}

	@Test
	void nothingThatHasFocusIsHiddenBehindTheBanner() {
		for (boolean phone : new boolean[] { false, true }) {
			if (phone) {
				browser.emulatePhone(320, 568);
			}
			browser.open(origin() + "/about");
			browser.click("cxp-customize");
			browser.waitUntilDisplayed("cxp-customize-view");
			browser.script("document.getElementById('cxp-banner').focus();");
			List<String> reached = new ArrayList<>();
			for (int i = 0; i < 30 && !reached.contains("cxp-privacy-settings"); i++) {
				browser.press(Keys.TAB);
				reached.add(browser.focused());
				assertThat(browser.script(FOCUS_IS_VISIBLE)).as("%s, phone: %s", reached, phone).isEqualTo("visible");
			}
			assertThat(reached).containsSubsequence("cxp-accept", "cxp-decline", "cxp-customize", "cxp-purpose-analytics",
					"cxp-purpose-ads", "cxp-purpose-personalization", "cxp-save", "cxp-privacy-settings");
		}
	}

	@Test
	void declineIsAsEasyAsAccept() {
		browser.open(origin() + "/");
		WebElement accept = browser.driver().findElement(By.id("cxp-accept"));
		WebElement decline = browser.driver().findElement(By.id("cxp-decline"));
		assertThat(decline.isDisplayed()).isTrue();
		assertThat(decline.getSize()).isEqualTo(accept.getSize());
		for (String property : List.of("background-color", "color", "font-size", "font-weight", "border-color",
				"padding-top")) {
			assertThat(decline.getCssValue(property)).as(property).isEqualTo(accept.getCssValue(property));
		}
		// Side by side on the first layer: one Tab apart, one key press away
		assertThat(decline.getLocation().getY()).isEqualTo(accept.getLocation().getY());
		browser.press(Keys.TAB);
		assertThat(browser.focused()).isEqualTo("cxp-accept");
		browser.press(Keys.TAB);
		assertThat(browser.focused()).isEqualTo("cxp-decline");
	}

	@Test
	void everyPageReflowsToAPhoneOf320By568WithEveryControlReachable() throws IOException {
		browser.emulatePhone(320, 568);
		for (String page : List.of("/", "/about")) {
			browser.open(origin() + page);
			// Without a viewport meta, a phone lays the page out 980 pixels wide and shrinks it
			assertThat(browser.script("return window.innerWidth;")).as(page).isEqualTo(320L);
			assertThat(browser.script("return document.querySelector('meta[name=viewport]').content;")).as(page)
				.isEqualTo("width=device-width, initial-scale=1");
			browser.click("cxp-customize");
			browser.waitUntilDisplayed("cxp-customize-view");
			browser.screenshot("10-phone" + page.replace('/', '-'));
			assertThat(browser.script("return document.documentElement.scrollWidth;")).as(page).isEqualTo(320L);
			assertThat(browser.script("return document.getElementById('cxp-accept').getBoundingClientRect().top"
					+ " === document.getElementById('cxp-decline').getBoundingClientRect().top;"))
				.as("Accept and Decline side by side on %s", page)
				.isEqualTo(true);
			List<String> controls = List.of("cxp-accept", "cxp-decline", "cxp-customize", "cxp-purpose-analytics",
					"cxp-purpose-ads", "cxp-purpose-personalization", "cxp-save", "cxp-privacy-settings");
			Map<String, Object> unreachable = controls.stream()
				.collect(Collectors.toMap((id) -> id, (id) -> browser.script(
						"document.getElementById(arguments[0]).focus();" + FOCUS_IS_VISIBLE, id)));
			assertThat(unreachable).as(page).allSatisfy((id, state) -> assertThat(state).as(id).isEqualTo("visible"));
		}
		browser.choose("cxp-save");
		assertThat(browser.cookie("cxp_consent")).matches(withReceipt("1.1.analytics:d~ads:d~personalization:d"));
	}

	private boolean tabUntil(String id) {
		for (int i = 0; i < 20; i++) {
			browser.press(Keys.TAB);
			if (id.equals(browser.focused())) {
				return true;
			}
		}
		return false;
	}

	// Stricter than no serious or critical violation: none at all, whatever its impact.
	private static void assertNoViolation(Results results) {
		assertThat(results.isErrored()).as("axe-core ran").isFalse();
		assertThat(results.getPasses()).as("rules that passed").isNotEmpty();
		assertThat(results.getViolations().stream().map(BannerAccessibilityBrowserTests::describe).toList()).isEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

}
