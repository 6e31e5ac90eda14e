package dev.cxp.internal.cmp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import com.iab.gpp.encoder.datatype.RangeEntry;
import com.iab.gpp.encoder.datatype.encoder.FixedIntegerRangeEncoder;
import com.iab.gpp.encoder.field.TcfEuV2Field;
import com.iab.gpp.encoder.section.TcfEuV2;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.consent.cmp.TcfConsent;
import dev.cxp.support.BitWriter;

import static dev.cxp.consent.cmp.ConsentStrings.CMP_ID;
import static dev.cxp.consent.cmp.ConsentStrings.POLICY_VERSION;
import static dev.cxp.consent.cmp.ConsentStrings.purposes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TcStringReader}: it reads what the IAB library reads from every string that library
 * encodes, and refuses what it refuses, without expanding a single range.
 */
class TcStringReaderTests {

	private static final long SEED = Long.getLong("cxp.hostile.seed", System.nanoTime());

	private static final Logger LIBRARY_LOGGER = Logger.getLogger(FixedIntegerRangeEncoder.class.getName());

	// The reference decoding below warns about every over-long range it meets
	@BeforeAll
	static void quietTheLibrary() {
		LIBRARY_LOGGER.setLevel(Level.SEVERE);
	}

	@AfterAll
	static void restoreTheLibrary() {
		LIBRARY_LOGGER.setLevel(null);
	}

	@Test
	void theFixedFieldsEndWhereTheSpecificationSaysTheVendorSectionStarts() {
		// Version 6, Created 36, LastUpdated 36, CmpId 12, CmpVersion 12, ConsentScreen 6, ConsentLanguage 12,
		// VendorListVersion 12, TcfPolicyVersion 6, IsServiceSpecific 1, UseNonStandardStacks 1,
		// SpecialFeatureOptIns 12, PurposesConsent 24, PurposesLITransparency 24, PurposeOneTreatment 1,
		// PublisherCC 12
		assertThat(TcStringReader.CORE_FIXED_BITS).isEqualTo(213);
	}

	@Test
	void readsWhatTheLibraryReadsFromStringsItEncodes() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
		for (int i = 0; i < 100; i++) {
			String tcString = randomTcString(random);
			TcfConsent expected = library(tcString);
			assertThat(expected).as("library, seed %d, string %d: %s", SEED, i, tcString).isNotNull();
			assertThat(TcStringReader.read(tcString)).as("seed %d, string %d: %s", SEED, i, tcString)
				.isEqualTo(expected);
		}
	}

	@Test
	void refusesWhatTheLibraryRefusesWhenCutShort() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 1);
		for (int i = 0; i < 6; i++) {
			String tcString = randomTcString(random);
			for (int length = 0; length <= tcString.length(); length++) {
				String cut = tcString.substring(0, length);
				assertThat(TcStringReader.read(cut)).as("seed %d, string %d: %s", SEED + 1, i, cut)
					.isEqualTo(library(cut));
			}
		}
	}

	@Test
	void readsAsTheLibraryDoesWhenBitsAreFlipped() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 2);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (int i = 0; i < 300; i++) {
			char[] chars = randomTcString(random).toCharArray();
			for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
				int at = random.nextInt(chars.length);
				int sextet = alphabet.indexOf(chars[at]);
				if (sextet >= 0) {
					chars[at] = alphabet.charAt(sextet ^ (1 << random.nextInt(6)));
				}
			}
			String flipped = new String(chars);
			TcfConsent read = TcStringReader.read(flipped);
			TcfConsent expected = library(flipped);
			// A second core or publisher segment is refused here; the library would read the last one
			if (read != null || !repeatsASegment(flipped)) {
				assertThat(read).as("seed %d, string %d: %s", SEED + 2, i, flipped).isEqualTo(expected);
			}
		}
	}

	@Test
	void readsTheTcfSectionOfALongerText() {
		String tcString = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(2), purposes(1, 7));
		String text = "DBABMA~" + tcString + "~BAAQAAAAAABA.YA";
		TcfConsent consent = TcStringReader.read(text, 7, 7 + tcString.length());
		assertThat(consent).isEqualTo(library(tcString));
		assertThat(consent.publisherPurposeConsents()).containsExactlyInAnyOrder(1, 7);
	}

	@Test
	void refusesWhatIsNoTcString() {
		String valid = ConsentStrings.allPurposes();
		assertThat(TcStringReader.read("")).isNull();
		assertThat(TcStringReader.read(".")).isNull();
		assertThat(TcStringReader.read("." + valid)).isNull();
		assertThat(TcStringReader.read(valid + ".!!")).isNull();
		assertThat(TcStringReader.read(valid + ".gAAA")).as("segment type 4").isNull();
		assertThat(TcStringReader.read(valid + "." + valid)).as("two core segments").isNull();
		assertThat(TcStringReader.read("B" + valid.substring(1))).as("version 1").isNull();
		assertThat(TcStringReader.read(valid + "..")).isEqualTo(library(valid));
	}

	@Test
	void anInvertedVendorRangeIsRefusedWhileFewerThan8193IdsAreCounted() {
		// 1 to 8193 adds 8,192 ids to none: the library still counts, and throws at the inverted range after it
		String tcString = vendorRanges(1, 8193, 5, 3);
		assertThat(TcStringReader.read(tcString)).isNull();
		assertThat(library(tcString)).isNull();
		// A range of one id far up the list counts one id, not its value
		String high = vendorRanges(5000, 5000, 5, 3);
		assertThat(TcStringReader.read(high)).isNull();
		assertThat(library(high)).isNull();
	}

	@Test
	void anInvertedVendorRangeAfterMoreThan8192IdsIsNotRefused() {
		// 8,193 ids counted, then a range of one would take the list past 8,192: the library stops there
		String afterARange = vendorRanges(1, 8193, 1, 1, 5, 3);
		assertThat(TcStringReader.read(afterARange)).isNotNull().isEqualTo(library(afterARange));
		// 8,191 ids and a single vendor make 8,192: the library stops at the next single vendor
		String afterSingles = new CoreSegment().vendorConsents((bits) -> bits.write(4, 12)
			.range(1, 8191)
			.single(9000)
			.single(9001)
			.range(5, 3)).toBase64Url();
		assertThat(TcStringReader.read(afterSingles)).isNotNull().isEqualTo(library(afterSingles));
	}

	// A core segment whose vendor consents are the given ranges, with no vendor legitimate interests
	private static String vendorRanges(int... firstAndLast) {
		return new CoreSegment().vendorConsents((bits) -> {
			bits.write(firstAndLast.length / 2, 12);
			for (int i = 0; i < firstAndLast.length; i += 2) {
				bits.range(firstAndLast[i], firstAndLast[i + 1]);
			}
		}).toBase64Url();
	}

	private static String randomTcString(RandomGenerator random) {
		TcfEuV2 section = new TcfEuV2();
		section.setFieldValue(TcfEuV2Field.CMP_ID, random.nextInt(4096));
		section.setFieldValue(TcfEuV2Field.CMP_VERSION, random.nextInt(4096));
		section.setFieldValue(TcfEuV2Field.POLICY_VERSION, random.nextInt(64));
		section.setFieldValue(TcfEuV2Field.VENDOR_LIST_VERSION, random.nextInt(4096));
		section.setFieldValue(TcfEuV2Field.PURPOSE_CONSENTS, bits(random, 24));
		section.setFieldValue(TcfEuV2Field.PURPOSE_LEGITIMATE_INTERESTS, bits(random, 24));
		section.setFieldValue(TcfEuV2Field.VENDOR_CONSENTS, vendors(random));
		section.setFieldValue(TcfEuV2Field.VENDOR_LEGITIMATE_INTERESTS, vendors(random));
		boolean serviceSpecific = random.nextBoolean();
		section.setFieldValue(TcfEuV2Field.IS_SERVICE_SPECIFIC, serviceSpecific);
		if (serviceSpecific) {
			List<RangeEntry> restrictions = new ArrayList<>();
			for (int i = random.nextInt(4); i > 0; i--) {
				restrictions.add(new RangeEntry(1 + random.nextInt(24), random.nextInt(3), vendors(random)));
			}
			section.setFieldValue(TcfEuV2Field.PUBLISHER_RESTRICTIONS, restrictions);
			section.setFieldValue(TcfEuV2Field.PUBLISHER_CONSENTS, bits(random, 24));
			int custom = random.nextInt(4);
			section.setFieldValue(TcfEuV2Field.NUM_CUSTOM_PURPOSES, custom);
			section.setFieldValue(TcfEuV2Field.PUBLISHER_CUSTOM_CONSENTS, bits(random, custom));
			section.setFieldValue(TcfEuV2Field.PUBLISHER_CUSTOM_LEGITIMATE_INTERESTS, bits(random, custom));
		}
		else {
			section.setFieldValue(TcfEuV2Field.VENDORS_DISCLOSED, vendors(random));
		}
		return section.encode();
	}

	// Sparse lists make the encoder choose ranges, dense ones a bit field
	private static List<Integer> vendors(RandomGenerator random) {
		Set<Integer> vendors = new HashSet<>();
		int max = 1 + random.nextInt(600);
		int count = random.nextBoolean() ? random.nextInt(20) : random.nextInt(max);
		for (int i = 0; i < count; i++) {
			vendors.add(1 + random.nextInt(max));
		}
		return new ArrayList<>(vendors);
	}

	private static List<Boolean> bits(RandomGenerator random, int size) {
		List<Boolean> bits = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			bits.add(random.nextBoolean());
		}
		return bits;
	}

	private static boolean repeatsASegment(String tcString) {
		int publisher = 0;
		int core = 0;
		for (String segment : tcString.split("\\.")) {
			if (!segment.isEmpty()) {
				char first = segment.charAt(0);
				core += (first >= 'A' && first <= 'H') ? 1 : 0;
				publisher += ((first >= 'Y' && first <= 'Z') || (first >= 'a' && first <= 'f')) ? 1 : 0;
			}
		}
		return core > 1 || publisher > 1;
	}

	/**
	 * A core segment written bit by bit, as the TC string format lays it out, for what the library's encoder
	 * never writes: inverted vendor ranges and lists of thousands of ids.
	 */
	private static final class CoreSegment {

		private final BitWriter bits = new BitWriter();

		CoreSegment vendorConsents(Consumer<CoreSegment> entries) {
			write(2, 6).write(17_000_000_000L, 36).write(17_000_000_000L, 36); // Version, Created, LastUpdated
			write(CMP_ID, 12).write(1, 12).write(1, 6).write(4 * 64 + 13, 12).write(80, 12);
			write(POLICY_VERSION, 6).write(0, 1).write(0, 1).write(0, 12); // TcfPolicyVersion to SpecialFeatureOptIns
			write(1, 24).write(0, 24).write(0, 1).write(3 * 64 + 4, 12); // PurposesConsent (1) to PublisherCC
			write(65535, 16).write(1, 1); // MaxVendorId, IsRangeEncoding
			entries.accept(this);
			write(0, 16).write(0, 1); // No vendor legitimate interests: an empty bit field
			return write(0, 12); // NumPubRestrictions
		}

		CoreSegment range(int first, int last) {
			return write(1, 1).write(first, 16).write(last, 16);
		}

		CoreSegment single(int id) {
			return write(0, 1).write(id, 16);
		}

		CoreSegment write(long value, int width) {
			this.bits.write(value, width);
			return this;
		}

		String toBase64Url() {
			return this.bits.toBase64Url();
		}

	}

	/**
	 * What the IAB library reads from a TC string, as the starter read it before it had its own reader.
	 */
	static @Nullable TcfConsent library(String tcString) {
		try {
			if (tcString.isEmpty() || tcString.charAt(0) < 'A' || tcString.charAt(0) > 'H') {
				return null;
			}
			TcfEuV2 section = new TcfEuV2(tcString);
			if (section.getFieldValue(TcfEuV2Field.VERSION) instanceof Integer version && version != 2) {
				return null;
			}
			Set<Integer> core = ids(section.getPurposeConsents());
			Set<Integer> publisher = hasPublisherSegment(tcString) ? ids(section.getPublisherConsents()) : null;
			return new TcfConsent(section.getPolicyVersion(), section.getCmpId(), core, publisher);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean hasPublisherSegment(String tcString) {
		for (String segment : tcString.split("\\.")) {
			if (!segment.isEmpty()) {
				char first = segment.charAt(0);
				if ((first >= 'Y' && first <= 'Z') || (first >= 'a' && first <= 'f')) {
					return true;
				}
			}
		}
		return false;
	}

	private static Set<Integer> ids(List<Boolean> consents) {
		Set<Integer> ids = new HashSet<>();
		for (int i = 0; i < consents.size(); i++) {
			if (Boolean.TRUE.equals(consents.get(i))) {
				ids.add(i + 1);
			}
		}
		return ids;
	}

}
