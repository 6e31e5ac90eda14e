package dev.cxp.benchmarks.cmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.iab.gpp.encoder.field.TcfEuV2Field;
import com.iab.gpp.encoder.section.TcfEuV2;
import jakarta.servlet.http.Cookie;
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

import dev.cxp.consent.cmp.CmpConsent;
import dev.cxp.consent.cmp.CmpConsentReader;
import dev.cxp.consent.cmp.IabConsentStringDecoder;
import dev.cxp.consent.cmp.TcfSettings;

/**
 * Reading a TC string (SPEC S11.5: a returning visitor with a TC string stays under 2 µs). The string is
 * one a CMP writes for a visitor who accepted everything: every purpose, and consent for 300 of 800
 * vendors. A server makes a new {@code String} of the cookie value for every request, so each invocation
 * does too, and the cache's lookup pays for hashing and comparing it as it would in production.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ConsentStringBenchmark {

	/**
	 * A returning visitor with a TC string: decoded on the first request, then taken from the cache.
	 * @param visitor the visitor's cookies and the reader
	 * @return the answer, so the work is not eliminated
	 */
	@Benchmark
	public CmpConsent returningVisitorWithTcString(TcStringVisitor visitor) {
		Cookie[] cookies = { new Cookie("_mspi", visitor.visitorId),
				new Cookie("euconsent-v2", new String(visitor.tcString)) };
		return visitor.reader.read(cookies);
	}

	/**
	 * What a cache miss costs: decoding the same TC string with the IAB library every time.
	 * @param visitor the visitor's TC string
	 * @return the decoded string
	 */
	@Benchmark
	public Object decodeTcStringUncached(TcStringVisitor visitor) {
		return visitor.decoder.decodeTcf(new String(visitor.tcString));
	}

	/**
	 * The TC string a CMP writes for a visitor who accepted everything: every purpose, and consent for 300 of
	 * 800 vendors, encoded with the IAB's own library.
	 * @return the TC string
	 */
	public static String acceptAllTcString() {
		TcfEuV2 section = new TcfEuV2();
		section.setFieldValue(TcfEuV2Field.CMP_ID, 10);
		section.setFieldValue(TcfEuV2Field.CMP_VERSION, 1);
		section.setFieldValue(TcfEuV2Field.POLICY_VERSION, 4);
		section.setFieldValue(TcfEuV2Field.VENDOR_LIST_VERSION, 80);
		section.setFieldValue(TcfEuV2Field.IS_SERVICE_SPECIFIC, true);
		List<Boolean> all = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			all.add(i < 11);
		}
		section.setFieldValue(TcfEuV2Field.PURPOSE_CONSENTS, all);
		List<Integer> vendors = new ArrayList<>();
		for (int vendor = 1; vendor <= 800; vendor += (vendor % 3 == 0) ? 2 : 3) {
			vendors.add(vendor);
		}
		section.setFieldValue(TcfEuV2Field.VENDOR_CONSENTS, vendors);
		return section.encode();
	}

	/**
	 * A visitor with the TC string of a CMP, and the starter reading it with the default mapping.
	 */
	@State(Scope.Benchmark)
	public static class TcStringVisitor {

		final IabConsentStringDecoder decoder = new IabConsentStringDecoder();

		final CmpConsentReader reader = new CmpConsentReader(this.decoder,
				new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1), "ads", List.of(1, 2, 3, 4)), false),
				null);

		final String visitorId = "0123456789abcdef0123456789abcdef";

		char[] tcString = new char[0];

		/**
		 * Encode the visitor's TC string and read it once, as the visitor's first request did.
		 */
		@Setup
		public void encode() {
			this.tcString = acceptAllTcString().toCharArray();
			CmpConsent first = this.reader.read(new Cookie[] { new Cookie("euconsent-v2", new String(this.tcString)) });
			if (first == null || first.purposes().isEmpty()) {
				throw new IllegalStateException("The benchmark's TC string does not decode");
			}
		}

	}

}
