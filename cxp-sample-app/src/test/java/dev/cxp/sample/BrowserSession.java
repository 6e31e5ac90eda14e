package dev.cxp.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium, driven through Debian's chromedriver, for the browser tests of the sample site.
 * The driver and the browser are named explicitly, so Selenium never tries to download either. Where they
 * are not installed, tests skip themselves with {@link #NOT_INSTALLED}, which says what to install.
 */
final class BrowserSession implements AutoCloseable {

	/**
	 * Why the browser tests are skipped where no browser is installed.
	 */
	static final String NOT_INSTALLED = "Browser tests skipped: Chromium and its driver are not installed "
			+ "(Debian: apt-get install chromium chromium-driver; or set -Dchromium.binary and -Dchromedriver.binary)";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Dimension WINDOW = new Dimension(1100, 1200);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path userDataDir;

	private final WebDriverWait wait;

	private BrowserSession(ChromeDriver driver, Path userDataDir) {
		this.driver = driver;
		this.userDataDir = userDataDir;
		this.wait = new WebDriverWait(driver, TIMEOUT);
		this.wait.ignoring(JavascriptException.class).ignoring(StaleElementReferenceException.class);
	}

	/**
	 * Start a browser with a fresh profile, where one is installed.
	 * @return the session, or {@code null} when Chromium or chromedriver is missing
	 * @throws IOException when the profile directory cannot be created
	 */
	static @Nullable BrowserSession startIfInstalled() throws IOException {
		return startIfInstalled(Map.of());
	}

	/**
	 * Start a browser with a fresh profile and some of Chromium's preferences set, where one is installed.
	 * @param preferences the preferences, such as {@code profile.default_content_setting_values.cookies}
	 * @return the session, or {@code null} when Chromium or chromedriver is missing
	 * @throws IOException when the profile directory cannot be created
	 */
	static @Nullable BrowserSession startIfInstalled(Map<String, Object> preferences) throws IOException {
		File chromedriver = executable("chromedriver.binary", "chromedriver");
		File chromium = executable("chromium.binary", "chromium", "chromium-browser");
		if (chromedriver == null || chromium == null) {
			return null;
		}
		Path userDataDir = Files.createTempDirectory("cxp-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
				"--user-data-dir=" + userDataDir.toAbsolutePath());
		if (!preferences.isEmpty()) {
			options.setExperimentalOption("prefs", preferences);
		}
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
		return new BrowserSession(driver, userDataDir);
	}

	/**
	 * Skip the calling test where no browser could be started; fail it instead in a CI run (environment
	 * variable {@code CI=true}), where the build installs the browser and a skip would hide a broken set-up.
	 * @param browser the session, {@code null} when none could be started
	 */
	static void assumeInstalled(@Nullable BrowserSession browser) {
		if (browser == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(NOT_INSTALLED.replace("Browser tests skipped", "Browser tests cannot run in CI"));
		}
		Assumptions.assumeTrue(browser != null, NOT_INSTALLED);
	}

	private static @Nullable File executable(String property, String... names) {
		String configured = System.getProperty(property);
		if (configured != null && !configured.isEmpty()) {
			File file = new File(configured);
			return file.canExecute() ? file : null;
		}
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String name : names) {
			for (String directory : path.split(File.pathSeparator)) {
				File file = new File(directory, name);
				if (file.isFile() && file.canExecute()) {
					return file;
				}
			}
		}
		return null;
	}

	/**
	 * Forget everything the site stored in this browser: its cookies and its local storage.
	 * @param origin the site's origin, such as {@code http://localhost:12345}
	 */
	void reset(String origin) {
		// A page of the origin that sets no cookie, so that its storage can be reached.
		this.driver.get(origin + "/cxp/cxp.js");
		this.driver.manage().deleteAllCookies();
		// Where the browser blocks the site's data there is nothing to clear.
		this.driver.executeScript("try { window.localStorage.clear(); } catch (e) { }");
	}

	/**
	 * Sign in with Spring Security's login form, and wait until the page it leads to is ready.
	 * @param origin the site's origin
	 * @param user the user name
	 * @param password the password
	 */
	void signIn(String origin, String user, String password) {
		this.driver.get(origin + "/login");
		this.driver.findElement(By.id("username")).sendKeys(user);
		this.driver.findElement(By.id("password")).sendKeys(password);
		markCurrentDocument();
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		waitForNewDocument();
	}

	/**
	 * Sign out with Spring Security's logout form.
	 * @param origin the site's origin
	 */
	void signOut(String origin) {
		this.driver.get(origin + "/logout");
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("/login"));
	}

	/**
	 * Open a page and wait until its scripts have asked the server about consent and local storage.
	 * @param url the page
	 */
	void open(String url) {
		this.driver.get(url);
		waitUntilReady();
	}

	/**
	 * Reload the page and wait until its scripts are done.
	 */
	void reload() {
		this.driver.navigate().refresh();
		waitUntilReady();
	}

	/**
	 * Click a choice of the consent banner, and wait until the page has shown its outcome: the banner closed
	 * and the panel in step, or an error in the banner.
	 * @param id the button's id
	 */
	void choose(String id) {
		whenChosen(() -> this.driver.findElement(By.id(id)).click());
	}

	/**
	 * Press a key that makes a choice in the consent banner (Enter or Space on one of its buttons), and wait
	 * until the page has shown its outcome, as {@link #choose(String)} does.
	 * @param key the key
	 */
	void pressToChoose(CharSequence key) {
		whenChosen(() -> press(key));
	}

	private void whenChosen(Runnable action) {
		Object before = script("return document.documentElement.getAttribute('data-cxp-choices');");
		action.run();
		waitUntil("return document.documentElement.getAttribute('data-cxp-choices') !== arguments[0];", before);
	}

	/**
	 * Click an element that changes the page in place.
	 * @param id the element's id
	 */
	void click(String id) {
		this.driver.findElement(By.id(id)).click();
	}

	/**
	 * Follow a link by its text, and wait until the new page's scripts are done.
	 * @param text the link text
	 */
	void follow(String text) {
		markCurrentDocument();
		this.driver.findElement(By.linkText(text)).click();
		waitForNewDocument();
	}

	/**
	 * Press keys as a keyboard would, on whatever has focus.
	 * @param keys the keys, such as {@code Keys.TAB}
	 */
	void press(CharSequence... keys) {
		new Actions(this.driver).sendKeys(keys).perform();
	}

	/**
	 * The id of the element that has focus.
	 * @return its id, {@code "BODY"} when nothing in particular has focus, or the tag name of an element
	 * without an id
	 */
	String focused() {
		return (String) script("var e = document.activeElement;"
				+ " return !e || e === document.body ? 'BODY' : (e.id || e.tagName);");
	}

	/**
	 * Run a script in the page.
	 * @param script the script's body, which may {@code return} a value
	 * @param arguments its {@code arguments}
	 * @return what it returned
	 */
	@Nullable Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	/**
	 * Run a script in the page that calls back when done: its last argument is the callback.
	 * @param script the script's body
	 * @param arguments its first {@code arguments}
	 * @return what it passed to the callback
	 */
	@Nullable Object asyncScript(String script, Object... arguments) {
		return this.driver.executeAsyncScript(script, arguments);
	}

	/**
	 * How a promise of the page settles.
	 * @param promise a script expression whose value is a promise, such as {@code window.cxp.refresh()}
	 * @return {@code outcome} ({@code resolved} or {@code rejected}) and {@code value} (what it resolved to, or
	 * the error as text)
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> outcome(String promise) {
		// Written into the script rather than evaluated in the page, which a Content-Security-Policy forbids.
		return (Map<String, Object>) asyncScript("var done = arguments[arguments.length - 1]; (" + promise + ")"
				+ ".then(function (value) { done({ outcome: 'resolved', value: value === undefined ? null : value }); },"
				+ " function (error) { done({ outcome: 'rejected', value: String(error) }); });");
	}

	/**
	 * Wait, within the session's bound, until a script in the page returns {@code true}.
	 * @param condition the script's body, returning a boolean
	 * @param arguments its {@code arguments}
	 */
	void waitUntil(String condition, Object... arguments) {
		this.wait.until((driver) -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(condition,
				arguments)));
	}

	/**
	 * Run a script in every document this tab loads from now on, before the document's own scripts.
	 * @param source the script
	 * @return the identifier that {@link #stopRunningOnNewDocuments(String)} takes
	 */
	String runOnNewDocuments(String source) {
		return (String) this.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source))
			.get("identifier");
	}

	/**
	 * Stop running a script given to {@link #runOnNewDocuments(String)}.
	 * @param identifier its identifier
	 */
	void stopRunningOnNewDocuments(String identifier) {
		this.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", identifier));
	}

	/**
	 * Show pages as a phone of the given size would: a mobile viewport, which follows a page's viewport meta.
	 * @param width the screen's width in CSS pixels
	 * @param height its height in CSS pixels
	 */
	void emulatePhone(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
	}

	/**
	 * Show pages in the session's own window again, after {@link #emulatePhone(int, int)}.
	 */
	void stopEmulating() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	/**
	 * The messages the page wrote to the browser's console since the last call: errors, warnings, and
	 * violations of a Content-Security-Policy among them.
	 * @return the messages, each with its level
	 */
	List<String> consoleMessages() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map((entry) -> entry.getLevel() + " " + entry.getMessage())
			.toList();
	}

	/**
	 * The driver itself, for tools that take one.
	 * @return the driver
	 */
	ChromeDriver driver() {
		return this.driver;
	}

	private void waitUntilReady() {
		this.wait.until((driver) -> "true".equals(((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.getAttribute('data-cxp-ready');")));
	}

	// A marker on the window object is gone once a new document has loaded. Polling by script, rather than
	// waiting for an element to go stale, copes with the moment in between, when the browser may answer
	// with other errors than a stale element.
	private void markCurrentDocument() {
		((JavascriptExecutor) this.driver).executeScript("window.cxpTestOldDocument = true;");
	}

	private void waitForNewDocument() {
		new WebDriverWait(this.driver, TIMEOUT).ignoring(WebDriverException.class)
			.until((driver) -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
					"return window.cxpTestOldDocument !== true && document.readyState === 'complete'"
							+ " && document.documentElement.getAttribute('data-cxp-ready') === 'true';")));
	}

	/**
	 * Whether an element is shown.
	 * @param id the element's id
	 * @return {@code true} when displayed
	 */
	boolean isDisplayed(String id) {
		return this.driver.findElement(By.id(id)).isDisplayed();
	}

	/**
	 * Whether a check box is checked.
	 * @param id the element's id
	 * @return {@code true} when selected
	 */
	boolean isSelected(String id) {
		return this.driver.findElement(By.id(id)).isSelected();
	}

	/**
	 * Wait until an element is shown.
	 * @param id the element's id
	 */
	void waitUntilDisplayed(String id) {
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	/**
	 * The text of an element.
	 * @param id the element's id
	 * @return its visible text
	 */
	String text(String id) {
		return this.driver.findElement(By.id(id)).getText();
	}

	/**
	 * A cookie the browser holds for the current page.
	 * @param name the cookie name
	 * @return its value, or {@code null} when the browser holds none
	 */
	@Nullable String cookie(String name) {
		Cookie cookie = this.driver.manage().getCookieNamed(name);
		return (cookie != null) ? cookie.getValue() : null;
	}

	/**
	 * The names of the cookies the browser holds for the current page.
	 * @return the names
	 */
	Set<String> cookieNames() {
		return this.driver.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toSet());
	}

	/**
	 * An item of the page's local storage.
	 * @param key the key
	 * @return its value, or {@code null} when absent
	 */
	@Nullable String localStorage(String key) {
		return (String) this.driver.executeScript("return window.localStorage.getItem(arguments[0]);", key);
	}

	/**
	 * The keys of the page's local storage.
	 * @return the keys
	 */
	@SuppressWarnings("unchecked")
	Set<String> localStorageKeys() {
		return Set.copyOf((List<String>) this.driver.executeScript("return Object.keys(window.localStorage);"));
	}

	/**
	 * Save a screenshot of the page under {@code target/screenshots}, for review.
	 * @param name the file name, without extension
	 * @throws IOException when it cannot be written
	 */
	void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.userDataDir);
		}
	}

}
