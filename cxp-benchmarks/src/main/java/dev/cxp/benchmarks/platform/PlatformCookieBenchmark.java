package dev.cxp.benchmarks.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.platform.CookiebotSettings;
import dev.cxp.internal.platform.OneTrustSettings;
import dev.cxp.internal.platform.PlatformConsentReader;

/**
 * Reading the consent cookie of OneTrust and of Cookiebot (SPEC S14: a returning visitor stays under 1 µs per
 * request). The values are the ones the platforms write after a choice: OneTrust's query string of 390
 * characters with five groups, Cookiebot's object literal of 200 characters. A server makes a new
 * {@code String} of the cookie value for every request, so each invocation does too.
 * <p>
 * Returning visitors send the same value on every request and are answered from the reader's cache; new
 * visitors each send a value the cache has not seen (the consent id or stamp differs), 65,536 of them in turn,
 * more than the cache keeps, so that every read parses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class PlatformCookieBenchmark {

	private static final int NEW_VISITORS = 65_536;

	/**
	 * A returning visitor with a OneTrust cookie.
	 * @param visitors the visitors and the reader
	 * @return the states, so the work is not eliminated
	 */
	@Benchmark
	public Map<String, ConsentState> returningVisitorWithOneTrustCookie(OneTrustVisitors visitors) {
		return visitors.reader.read(cookies(visitors.reader.cookieName(), visitors.returning));
	}

	/**
	 * A visitor whose OneTrust cookie the cache has not seen.
	 * @param visitors the visitors and the reader
	 * @return the states, so the work is not eliminated
	 */
	@Benchmark
	public Map<String, ConsentState> newVisitorWithOneTrustCookie(OneTrustVisitors visitors) {
		return visitors.reader.read(cookies(visitors.reader.cookieName(), visitors.next()));
	}

	/**
	 * A returning visitor with a Cookiebot cookie.
	 * @param visitors the visitors and the reader
	 * @return the states, so the work is not eliminated
	 */
	@Benchmark
	public Map<String, ConsentState> returningVisitorWithCookiebotCookie(CookiebotVisitors visitors) {
		return visitors.reader.read(cookies(visitors.reader.cookieName(), visitors.returning));
	}

	/**
	 * A visitor whose Cookiebot cookie the cache has not seen.
	 * @param visitors the visitors and the reader
	 * @return the states, so the work is not eliminated
	 */
	@Benchmark
	public Map<String, ConsentState> newVisitorWithCookiebotCookie(CookiebotVisitors visitors) {
		return visitors.reader.read(cookies(visitors.reader.cookieName(), visitors.next()));
	}

	// The request's cookies as a stack-neutral view hands them over: every value of a name, a new string each
	private static Function<String, List<String>> cookies(String name, char[] value) {
		return (requested) -> requested.equals(name) ? List.of(new String(value)) : List.of();
	}

	/**
	 * The OneTrust cookie a visitor's browser holds after refusing performance cookies and accepting the rest.
	 * @param consentId the visitor's consent id, 36 characters
	 * @return the value
	 */
	public static String oneTrustCookie(String consentId) {
		return "isGpcEnabled=0&datestamp=Tue+Mar+04+2025+11%3A15%3A30+GMT%2B0100+(Central+European+Standard+Time)"
				+ "&version=202501.1.0&browserGpcFlag=0&isIABGlobal=false&hosts=&consentId=" + consentId
				+ "&interactionCount=1&isAnonUser=1&landingPath=NotLandingPage"
				+ "&groups=C0001%3A1%2CC0002%3A0%2CC0003%3A1%2CC0004%3A1%2CC0005%3A1&geolocation=DE%3BBE"
				+ "&AwaitingReconsent=false";
	}

	/**
	 * The Cookiebot cookie a visitor's browser holds after accepting statistics and refusing the rest.
	 * @param stamp the visitor's consent stamp, 56 characters of base64
	 * @return the value
	 */
	public static String cookiebotCookie(String stamp) {
		return "{stamp:%27" + stamp + "%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:true%2Cmarketing:false"
				+ "%2Cmethod:%27explicit%27%2Cver:1%2Cutc:1741083330123%2Cregion:%27de%27}";
	}

	/**
	 * Visitors with a OneTrust cookie, and the starter reading it with the default mapping.
	 */
	@State(Scope.Benchmark)
	public static class OneTrustVisitors {

		final PlatformConsentReader reader = PlatformConsentReader.oneTrust(OneTrustSettings.defaults());

		char[] returning = new char[0];

		final char[][] newVisitors = new char[NEW_VISITORS][];

		int nextVisitor;

		/**
		 * Write the values and read the returning visitor's once, as its first request did.
		 */
		@Setup
		public void write() {
			this.returning = oneTrustCookie("5f0c2a9e-7b41-4d8a-9e36-2c1f7a5b9d04").toCharArray();
			for (int i = 0; i < NEW_VISITORS; i++) {
				this.newVisitors[i] = oneTrustCookie(String.format("5f0c2a9e-7b41-4d8a-9e36-2c1f7a%06x", i)).toCharArray();
			}
			check(this.reader.read(cookies(this.reader.cookieName(), this.returning)));
		}

		char[] next() {
			this.nextVisitor = (this.nextVisitor + 1) % NEW_VISITORS;
			return this.newVisitors[this.nextVisitor];
		}

	}

	/**
	 * Visitors with a Cookiebot cookie, and the starter reading it with the default mapping.
	 */
	@State(Scope.Benchmark)
	public static class CookiebotVisitors {

		final PlatformConsentReader reader = PlatformConsentReader.cookiebot(CookiebotSettings.defaults());

		char[] returning = new char[0];

		final char[][] newVisitors = new char[NEW_VISITORS][];

		int nextVisitor;

		/**
		 * Write the values and read the returning visitor's once, as its first request did.
		 */
		@Setup
		public void write() {
			String stamp = "PuSKzMgziAFdTLa5FzFSr4vbvlQnA4IdhLZfeZ+9fBM/j32CWy3XGA==";
			this.returning = cookiebotCookie(stamp).toCharArray();
			for (int i = 0; i < NEW_VISITORS; i++) {
				this.newVisitors[i] = cookiebotCookie(stamp.substring(0, 48) + String.format("%06x==", i)).toCharArray();
			}
			check(this.reader.read(cookies(this.reader.cookieName(), this.returning)));
		}

		char[] next() {
			this.nextVisitor = (this.nextVisitor + 1) % NEW_VISITORS;
			return this.newVisitors[this.nextVisitor];
		}

	}

	private static void check(Map<String, ConsentState> states) {
		if (states.get("analytics") == null || states.get("ads") == null) {
			throw new IllegalStateException("The benchmark's cookie does not read: " + states);
		}
	}

}
