package dev.cxp.hostile;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.platform.CookieConsentSettings;
import dev.cxp.internal.platform.CookiebotSettings;
import dev.cxp.internal.platform.KlaroSettings;
import dev.cxp.internal.platform.OneTrustSettings;
import dev.cxp.internal.platform.PlatformConsentReader;
import dev.cxp.internal.platform.PlatformCookieValues;

import static dev.cxp.internal.platform.PlatformCookieValues.cookies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated consent-platform cookies over the four readers (SPEC S14.3): any bytes, real values with edits,
 * every truncation of real values, and JSON hostile by its shape. Whatever the value, nothing is thrown, one
 * read allocates less than {@value #MOST_BYTES_PER_READ} bytes and takes less than 50 ms of CPU on the reading
 * thread (a value the cache has not seen: every generated value is new), junk never grants, a refusal never
 * turns into a grant, and nothing of a value is logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputPlatformCookieTests {

	/** Bytes one read may allocate: a parse of the longest value, with room to spare. */
	static final long MOST_BYTES_PER_READ = 256 * 1024;

	/**
	 * CPU time of a read, far above what a bounded parse costs; the median of a test's reads is held to it, so that
	 * one read slowed by the machine does not count, while a parse that costs what its input declares slows every
	 * read of that input.
	 */
	private static final long FIFTY_MILLISECONDS = 50_000_000;

	private static final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private static final String CC_MEMBERS = "\"categories\":[\"necessary\",\"analytics\",\"ads\"],\"revision\":0,"
			+ "\"consentId\":\"0b7e4f1c\",\"consentTimestamp\":\"t\",\"lastConsentTimestamp\":\"t\"";

	private final List<Platform> platforms = List.of(
			new Platform(PlatformConsentReader.oneTrust(OneTrustSettings.defaults()), PlatformCookieValues.ONETRUST_CHOSEN
				.replace("C0002%3A0", "C0002%3A1"),
					PlatformCookieValues.ONETRUST_CHOSEN.replace("C0004%3A1", "C0004%3A0")),
			new Platform(PlatformConsentReader.cookiebot(CookiebotSettings.defaults()),
					PlatformCookieValues.COOKIEBOT_EXPLICIT_TCF, PlatformCookieValues.COOKIEBOT_EXPLICIT.replace(
							"statistics:true", "statistics:false")),
			new Platform(PlatformConsentReader.klaro(new KlaroSettings("klaro",
					Map.of("analytics", List.of("matomo"), "ads", List.of("google-ads")))),
					PlatformCookieValues.klaro(Map.of("matomo", true, "google-ads", true)),
					PlatformCookieValues.klaro(PlatformCookieValues.ordered("matomo", false, "google-ads", false))),
			new Platform(PlatformConsentReader.cookieConsent(CookieConsentSettings.defaults()),
					PlatformCookieValues.cookieConsent(0, "necessary", "analytics", "ads"),
					PlatformCookieValues.cookieConsent(0, "necessary")));

	private final List<String> traceable = new ArrayList<>();

	private final List<Long> cpuTimes = new ArrayList<>();

	@BeforeAll
	static void measurable() {
		assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
		threads.setThreadAllocatedMemoryEnabled(true);
	}

	// The first reads load classes, among them those of each way a parser fails, which a running server has
	// loaded long before
	@BeforeEach
	void warmUp() {
		List<String> failing = List.of("%7B", "{", "{\"a\":" + "[".repeat(20), "{\"a\":" + "1".repeat(40) + "}",
				"{\"a\":1,\"a\":2}", "{\"a\":tru}", "{\"n\":{\"n\":1", "{\"revision\":99999999999}", "{\"a\":\"x");
		for (Platform platform : this.platforms) {
			platform.reader().read(cookies(platform.reader().cookieName(), platform.grant()));
			platform.reader().read(cookies(platform.reader().cookieName(), platform.refusal()));
			failing.forEach((value) -> platform.reader().read(cookies(platform.reader().cookieName(), value)));
		}
	}

	@Test
	void anyBytesNeverGrant(CapturedOutput output) {
		HostileInput input = new HostileInput(HostileInput.SEED + 20);
		for (int i = 0; i < HostileInput.TRIES; i++) {
			String value = input.next();
			for (Platform platform : this.platforms) {
				assertThat(read(platform, value, i)).as(platform.name() + " granted" + replay(i, value))
					.doesNotContainValue(ConsentState.GRANTED);
			}
		}
		assertNothingLogged(output);
	}

	@Test
	void editedRefusalsNeverGrantAndEditedGrantsCostLittle(CapturedOutput output) {
		PlatformCookieInput input = new PlatformCookieInput(HostileInput.SEED + 21);
		for (int i = 0; i < HostileInput.TRIES; i++) {
			for (Platform platform : this.platforms) {
				String refusal = input.edited(platform.refusal());
				assertThat(read(platform, refusal, i)).as(platform.name() + " granted" + replay(i, refusal))
					.doesNotContainValue(ConsentState.GRANTED);
				read(platform, input.edited(platform.grant()), i);
			}
		}
		assertNothingLogged(output);
	}

	@Test
	void everyTruncationOfARefusalStaysARefusalOrNothing() {
		int tries = 0;
		for (Platform platform : this.platforms) {
			for (int length = 0; length <= platform.refusal().length(); length++) {
				String truncated = platform.refusal().substring(0, length);
				assertThat(read(platform, truncated, tries++)).as(platform.name() + replay(length, truncated))
					.doesNotContainValue(ConsentState.GRANTED);
			}
		}
		assertThat(tries).isGreaterThan(500);
	}

	@Test
	void jsonHostileByItsShapeIsAbsentAndCounted(CapturedOutput output) {
		PlatformCookieInput input = new PlatformCookieInput(HostileInput.SEED + 22);
		Platform cookieConsent = this.platforms.get(3);
		Platform klaro = this.platforms.get(2);
		for (int i = 0; i < HostileInput.TRIES; i++) {
			String value = input.hostileJson(CC_MEMBERS);
			assertThat(read(cookieConsent, value, i)).as("cookieconsent" + replay(i, value)).isEmpty();
			String klaroValue = input.hostileJson("\"matomo\":true");
			assertThat(read(klaro, klaroValue, i)).as("klaro" + replay(i, klaroValue)).isEmpty();
		}
		long warmUpInvalid = 9;
		assertThat(cookieConsent.reader().invalidValues()).isEqualTo(HostileInput.TRIES + warmUpInvalid);
		assertThat(klaro.reader().invalidValues()).isEqualTo(HostileInput.TRIES + warmUpInvalid);
		assertNothingLogged(output);
	}

	@Test
	void valuesOfTheLongestLengthCostLittle() {
		for (Platform platform : this.platforms) {
			String grant = platform.grant();
			String padded = switch (platform.name()) {
				case "onetrust" -> grant + "&landingPath=" + "%2F".repeat(2000);
				case "cookiebot" -> grant.replace("region:%27hu%27", "region:%27" + "h".repeat(4096) + "%27");
				default -> grant.substring(0, grant.length() - 3) + "%2C%22x%22%3A%5B" + "1%2C".repeat(2000);
			};
			for (int length = PlatformConsentReader.MAX_VALUE_LENGTH - 3; length <= PlatformConsentReader.MAX_VALUE_LENGTH
					+ 1; length++) {
				read(platform, padded.substring(0, length), length);
			}
		}
	}

	private Map<String, ConsentState> read(Platform platform, String value, int index) {
		if (HostileInput.isTraceable(value)) {
			this.traceable.add(value);
		}
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long cpuBefore = threads.getCurrentThreadCpuTime();
		Map<String, ConsentState> states = null;
		try {
			states = platform.reader().read(cookies(platform.reader().cookieName(), value));
		}
		catch (Throwable ex) {
			fail(platform.name() + " threw" + replay(index, value), ex);
		}
		this.cpuTimes.add(threads.getCurrentThreadCpuTime() - cpuBefore);
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		assertThat(allocated).as(platform.name() + ": bytes allocated by one read" + replay(index, value))
			.isLessThan(MOST_BYTES_PER_READ);
		return states;
	}

	@AfterEach
	void readsCostLittleCpu() {
		if (!this.cpuTimes.isEmpty()) {
			List<Long> sorted = this.cpuTimes.stream().sorted().toList();
			assertThat(sorted.get(sorted.size() / 2)).as("median CPU nanoseconds of a read, the slowest %d",
					sorted.get(sorted.size() - 1)).isLessThan(FIFTY_MILLISECONDS);
		}
	}

	private static String replay(int index, String value) {
		return HostileInput.replay(index) + " value=" + HostileInput.describe(value);
	}

	private void assertNothingLogged(CapturedOutput output) {
		String all = output.getAll();
		for (String value : this.traceable) {
			assertThat(all).as("value logged " + HostileInput.describe(value)).doesNotContain(value);
		}
	}

	private record Platform(PlatformConsentReader reader, String grant, String refusal) {

		String name() {
			return this.reader.name();
		}

	}

}
