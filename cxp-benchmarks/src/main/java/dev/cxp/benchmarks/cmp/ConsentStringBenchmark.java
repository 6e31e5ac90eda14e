package dev.cxp.benchmarks.cmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.iab.gpp.encoder.field.TcfEuV2Field;
import com.iab.gpp.encoder.section.TcfEuV2;
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

import dev.cxp.internal.cmp.CmpConsent;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.cmp.IabConsentStringDecoder;
import dev.cxp.internal.cmp.TcfSettings;

/**
 * Reading a TC string (SPEC S11.5: a returning visitor with a TC string stays under 2 µs). The string is
 * one a CMP writes for a visitor who accepted everything: every purpose, and consent for 300 of 800
 * vendors. A server makes a new {@code String} of the cookie value for every request, so each invocation
 * does too, and the cache's lookup pays for hashing and comparing it as it would in production.
 * <p>
 * And what a crafted string costs when the cache has not seen it (SPEC S12.2: about a normal page's work,
 * whatever the string declares): 3.9 KB declaring 440 publisher restrictions over vendors 1 to 8192, read, and
 * the same string with the last range inverted, refused after every range has been walked.
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
		// A server reads a new string from each request
		return visitor.reader.readTcf(List.of(new String(visitor.tcString)));
	}

	/**
	 * What a cache miss costs: decoding the same TC string with the default decoder every time.
	 * @param visitor the visitor's TC string
	 * @return the decoded string
	 */
	@Benchmark
	public Object decodeTcStringUncached(TcStringVisitor visitor) {
		return visitor.decoder.decodeTcf(new String(visitor.tcString));
	}

	/**
	 * What a crafted TC string costs when it is not cached (another CMP version is enough for that): 440
	 * publisher restrictions over vendors 1 to 8192, read, since the string is well formed.
	 * @param crafted the crafted strings
	 * @return the decoded string
	 */
	@Benchmark
	public Object readCraftedTcStringUncached(CraftedTcStrings crafted) {
		return crafted.decoder.decodeTcf(new String(crafted.read));
	}

	/**
	 * What refusing a crafted TC string costs at worst: the same 440 restrictions, the last of which ends
	 * before it starts, so that the string is refused after every range has been walked.
	 * @param crafted the crafted strings
	 * @return {@code null}, the string refused
	 */
	@Benchmark
	public Object refuseCraftedTcStringUncached(CraftedTcStrings crafted) {
		return crafted.decoder.decodeTcf(new String(crafted.refused));
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


		char[] tcString = new char[0];

		/**
		 * Encode the visitor's TC string and read it once, as the visitor's first request did.
		 */
		@Setup
		public void encode() {
			this.tcString = acceptAllTcString().toCharArray();
			CmpConsent first = this.reader.readTcf(List.of(new String(this.tcString)));
			if (first == null || first.purposes().isEmpty()) {
				throw new IllegalStateException("The benchmark's TC string does not decode");
			}
		}

	}

	/**
	 * Two crafted TC strings of 3.9 KB, written bit by bit as the TCF v2 "TC string format" lays them out:
	 * every purpose consented, no vendors, and 440 publisher restrictions each over vendors 1 to 8192.
	 */
	@State(Scope.Benchmark)
	public static class CraftedTcStrings {

		final IabConsentStringDecoder decoder = new IabConsentStringDecoder();

		char[] read = new char[0];

		char[] refused = new char[0];

		/**
		 * Write both strings, and check that the first is read and the second refused.
		 */
		@Setup
		public void write() {
			this.read = craft(false).toCharArray();
			this.refused = craft(true).toCharArray();
			if (this.decoder.decodeTcf(new String(this.read)) == null
					|| this.decoder.decodeTcf(new String(this.refused)) != null) {
				throw new IllegalStateException("The crafted strings are not read and refused as intended");
			}
		}

		private static String craft(boolean invertLastRange) {
			BitWriter bits = new BitWriter();
			// Version, Created, LastUpdated, CmpId, CmpVersion, ConsentScreen, ConsentLanguage (EN), VendorListVersion
			bits.write(2, 6).write(17_000_000_000L, 36).write(17_000_000_000L, 36).write(10, 12).write(1, 12);
			bits.write(1, 6).write(4 * 64 + 13, 12).write(80, 12);
			// TcfPolicyVersion, IsServiceSpecific, UseNonStandardStacks, SpecialFeatureOptIns, PurposesConsent,
			// PurposesLITransparency, PurposeOneTreatment, PublisherCC (DE)
			bits.write(4, 6).write(1, 1).write(0, 1).write(0, 12).write((1L << 24) - 1, 24).write(0, 24);
			bits.write(0, 1).write(3 * 64 + 4, 12);
			// No vendor consents or legitimate interests (empty bit fields), then the restrictions: PurposeId,
			// RestrictionType, NumEntries, IsARange, StartOrOnlyVendorId, EndVendorId
			bits.write(0, 17).write(0, 17).write(440, 12);
			for (int i = 0; i < 440; i++) {
				boolean inverted = invertLastRange && i == 439;
				bits.write(1 + i % 24, 6).write(i % 3, 2).write(1, 12).write(1, 1);
				bits.write(inverted ? 8192 : 1, 16).write(inverted ? 1 : 8192, 16);
			}
			return bits.toBase64Url();
		}

	}

	/**
	 * Writes bits, most significant first, and encodes them as base64url, six bits per character.
	 */
	private static final class BitWriter {

		private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

		private final StringBuilder bits = new StringBuilder();

		BitWriter write(long value, int width) {
			for (int bit = width - 1; bit >= 0; bit--) {
				this.bits.append(((value >> bit) & 1) == 1 ? '1' : '0');
			}
			return this;
		}

		String toBase64Url() {
			while (this.bits.length() % 6 != 0) {
				this.bits.append('0');
			}
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < this.bits.length(); i += 6) {
				text.append(BASE64URL.charAt(Integer.parseInt(this.bits.substring(i, i + 6), 2)));
			}
			return text.toString();
		}

	}

}
