package dev.cxp.internal.cmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;

import com.iab.gpp.encoder.GppModel;
import com.iab.gpp.encoder.datatype.encoder.FibonacciIntegerRangeEncoder;
import com.iab.gpp.encoder.datatype.encoder.FixedIntegerRangeEncoder;
import com.iab.gpp.encoder.field.HeaderV1Field;
import com.iab.gpp.encoder.field.TcfEuV2Field;
import com.iab.gpp.encoder.section.EncodableSection;
import com.iab.gpp.encoder.section.HeaderV1;
import com.iab.gpp.encoder.section.Sections;
import com.iab.gpp.encoder.section.TcfCaV1;
import com.iab.gpp.encoder.section.TcfEuV2;
import com.iab.gpp.encoder.section.UspV1;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GppSections} and the GPP side of {@link IabConsentStringDecoder}: the header is read as the
 * GPP specification's examples say, and every string reads as it did when the IAB library decoded all of it.
 */
class GppSectionsTests {

	private static final long SEED = Long.getLong("cxp.hostile.seed", System.nanoTime());

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static final List<Logger> LIBRARY_LOGGERS = List.of(
			Logger.getLogger(FibonacciIntegerRangeEncoder.class.getName()),
			Logger.getLogger(FixedIntegerRangeEncoder.class.getName()));

	private final IabConsentStringDecoder decoder = new IabConsentStringDecoder();

	// The reference decoding below warns about every over-long range it meets
	@BeforeAll
	static void quietTheLibrary() {
		LIBRARY_LOGGERS.forEach((logger) -> logger.setLevel(Level.SEVERE));
	}

	@AfterAll
	static void restoreTheLibrary() {
		LIBRARY_LOGGERS.forEach((logger) -> logger.setLevel(null));
	}

	@Test
	void readsTheHeaderExamplesOfTheSpecification() {
		assertThat(ids(GppSections.of("DBABMA~A"))).containsExactly(2);
		assertThat(ids(GppSections.of("DBACNYA~A~B"))).containsExactly(2, 6);
		assertThat(ids(GppSections.of("DBABjw~A~B"))).containsExactly(5, 6);
	}

	@Test
	void pairsEachIdWithItsSection() {
		String gpp = "DBACNYA~CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA~1YNN";
		GppSections sections = GppSections.of(gpp);
		assertThat(sections.size()).isEqualTo(2);
		assertThat(gpp.substring(sections.start(0), sections.end(0)))
			.isEqualTo("CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA");
		assertThat(gpp.substring(sections.start(1), sections.end(1))).isEqualTo("1YNN");
	}

	@Test
	void aTcStringAloneIsTheTcfSection() {
		String tcString = ConsentStrings.allPurposes();
		GppSections sections = GppSections.of(tcString);
		assertThat(ids(sections)).containsExactly(2);
		assertThat(sections.end(0)).isEqualTo(tcString.length());
	}

	@Test
	void refusesAHeaderThatNamesMoreSectionsThanTheStringCarries() {
		assertThat(GppSections.of("DBABMA")).isNull();
		assertThat(GppSections.of("DBABMA~")).isNull();
		assertThat(GppSections.of("DBACNYA~A")).isNull();
		assertThat(GppSections.of("DBACNYA~~B")).as("an empty section").isNull();
		assertThat(GppSections.of("DBABjw~A")).as("a range of two ids").isNull();
		HeaderV1 header = new HeaderV1();
		header.setFieldValue(HeaderV1Field.SECTION_IDS, List.of(1, 2, 3, 4, 5, 6, 7, 8));
		assertThat(GppSections.of(header.encode() + "~A".repeat(7))).isNull();
		assertThat(ids(GppSections.of(header.encode() + "~A".repeat(8)))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
	}

	@Test
	void aSectionTheHeaderDoesNotNameIsNotRead() {
		assertThat(ids(GppSections.of("DBABMA~A~B"))).containsExactly(2);
		assertThat(ids(GppSections.of("DBABMA~A~B~C"))).containsExactly(2);
	}

	@Test
	void aRangeOf8193IdsIsReadAndALongerOneEndsTheList() {
		// 1 to 8193 adds 8,192 ids to none, as far as the library's decoder of the header goes
		String header = header(IntStream.rangeClosed(1, 8193).boxed().toList());
		assertThat(GppSections.of(header + "~A".repeat(8193)).size()).isEqualTo(8193);
		assertThat(new HeaderV1(header).getFieldValue(HeaderV1Field.SECTION_IDS)).asList().hasSize(8193);
		String longer = header(IntStream.rangeClosed(1, 8194).boxed().toList());
		assertThat(GppSections.of(longer + "~A".repeat(8194)).size()).isZero();
		assertThat(new HeaderV1(longer).getFieldValue(HeaderV1Field.SECTION_IDS)).asList().isEmpty();
	}

	@Test
	void refusesWhatIsNoGppString() {
		assertThat(GppSections.of("")).isNull();
		assertThat(GppSections.of("D")).isNull();
		assertThat(GppSections.of("DA~A")).isNull();
		assertThat(GppSections.of("DB!!~A")).isNull();
		assertThat(GppSections.of("xyz")).isNull();
		// A Fibonacci code that never ends, and one longer than 24 bits
		assertThat(GppSections.of("DBAB" + "A".repeat(10) + "~A")).isNull();
		assertThat(GppSections.of("DBABAAAAw~A")).isNull();
		// The longest code read, 24 bits: section id 46368, the 24th Fibonacci number
		assertThat(ids(GppSections.of("DBABAAABg~A"))).containsExactly(46368);
	}

	@Test
	void readsAsTheLibraryReadsStringsItEncodes() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
		for (int i = 0; i < 300; i++) {
			String gpp = randomGppString(random);
			String sid = randomSid(random);
			GppConsent expected = library(gpp, sid);
			assertThat(expected).as("library, seed %d, string %d: %s", SEED, i, gpp).isNotNull();
			assertThat(this.decoder.decodeGpp(gpp, sid)).as("seed %d, string %d: %s sid %s", SEED, i, gpp, sid)
				.isEqualTo(expected);
		}
	}

	@Test
	void readsAsTheLibraryReadsStringsCutShortOrWithFlippedBits() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 1);
		for (int i = 0; i < 300; i++) {
			String real = randomGppString(random);
			String gpp = random.nextBoolean() ? real.substring(0, random.nextInt(real.length())) : flipped(real, random);
			// The library reads an empty section as one with default values, and the last of repeated segments
			if (gpp.contains("~~") || gpp.contains("..") || gpp.endsWith("~")) {
				continue;
			}
			String sid = randomSid(random);
			GppConsent read = this.decoder.decodeGpp(gpp, sid);
			// A header naming more sections than the string carries is refused whatever the sid names, while the
			// library pairs what it can and drops the rest (DBAB54E names sections 1 to 4, the library keeps 2)
			if (GppSections.of(gpp) == null) {
				assertThat(read).as("seed %d, string %d: %s sid %s", SEED + 1, i, gpp, sid).isNull();
				continue;
			}
			if (read != null || !repeatsATcfSegment(gpp)) {
				assertThat(read).as("seed %d, string %d: %s sid %s", SEED + 1, i, gpp, sid).isEqualTo(library(gpp, sid));
			}
		}
	}

	@Test
	void everyUsSectionTheLibraryKnowsFitsWellUnderTheLengthHandedToIt() {
		for (Map.Entry<Integer, String> section : Sections.SECTION_ID_NAME_MAP.entrySet()) {
			if (section.getValue().startsWith("us") && section.getKey() != UspV1.ID) {
				GppModel model = new GppModel();
				setIfPresent(model, section.getValue(), "SaleOptOut", 1);
				setIfPresent(model, section.getValue(), "Gpc", true);
				assertThat(model.encodeSection(section.getValue())).as(section.getValue())
					.hasSizeLessThanOrEqualTo(IabConsentStringDecoder.MAX_US_SECTION_LENGTH / 3);
			}
		}
	}

	private static String header(List<Integer> sectionIds) {
		HeaderV1 header = new HeaderV1();
		header.setFieldValue(HeaderV1Field.SECTION_IDS, sectionIds);
		return header.encode();
	}

	private static List<Integer> ids(@Nullable GppSections sections) {
		assertThat(sections).isNotNull();
		List<Integer> ids = new ArrayList<>();
		for (int i = 0; i < sections.size(); i++) {
			ids.add(sections.id(i));
		}
		return ids;
	}

	private static String randomGppString(RandomGenerator random) {
		GppModel model = new GppModel();
		List<String> names = new ArrayList<>(Sections.SECTION_ID_NAME_MAP.values());
		for (int i = 1 + random.nextInt(4); i > 0; i--) {
			String name = names.get(random.nextInt(names.size()));
			if (name.equals(TcfEuV2.NAME)) {
				model.setFieldValue(name, TcfEuV2Field.CMP_ID, random.nextInt(4096));
				model.setFieldValue(name, TcfEuV2Field.POLICY_VERSION, 2 + random.nextInt(4));
				model.setFieldValue(name, TcfEuV2Field.PURPOSE_CONSENTS, ConsentStrings.purposes(1 + random.nextInt(11)));
			}
			else if (name.equals(TcfCaV1.NAME)) {
				model.setFieldValue(name, "CmpId", 1 + random.nextInt(100));
			}
			else if (name.equals(UspV1.NAME)) {
				model.setFieldValue(name, "OptOutSale", random.nextBoolean() ? "Y" : "N");
			}
			else {
				setIfPresent(model, name, "SaleOptOut", random.nextInt(3));
				setIfPresent(model, name, "SharingOptOut", random.nextInt(3));
				setIfPresent(model, name, "TargetedAdvertisingOptOut", random.nextInt(3));
				setIfPresent(model, name, "Gpc", random.nextBoolean());
			}
		}
		return model.encode();
	}

	private static void setIfPresent(GppModel model, String section, String field, Object value) {
		if (model.hasField(section, field) || !model.hasSection(section)) {
			try {
				model.setFieldValue(section, field, value);
			}
			catch (RuntimeException ex) {
				// The section has no such field
			}
		}
	}

	private static @Nullable String randomSid(RandomGenerator random) {
		return switch (random.nextInt(4)) {
			case 0 -> null;
			case 1 -> "-1";
			case 2 -> String.valueOf(1 + random.nextInt(23));
			default -> (1 + random.nextInt(23)) + "," + (1 + random.nextInt(23));
		};
	}

	private static String flipped(String real, RandomGenerator random) {
		char[] chars = real.toCharArray();
		for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
			int at = random.nextInt(chars.length);
			int sextet = ALPHABET.indexOf(chars[at]);
			if (sextet >= 0) {
				chars[at] = ALPHABET.charAt(sextet ^ (1 << random.nextInt(6)));
			}
		}
		return new String(chars);
	}

	private static boolean repeatsATcfSegment(String gpp) {
		for (String section : gpp.split("~")) {
			if (section.startsWith("C") && section.contains(".")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What the IAB library reads from a GPP string, as the starter read it before it had its own readers.
	 */
	private static @Nullable GppConsent library(String gpp, @Nullable String sid) {
		try {
			if (gpp.isEmpty()) {
				return null;
			}
			GppModel model = new GppModel(gpp);
			Set<Integer> applicable = ApplicableSectionIds.parse(sid);
			TcfConsent tcf = null;
			List<GppConsent.UsSection> us = new ArrayList<>();
			for (int id : model.getSectionIds()) {
				if (applicable != null && !applicable.contains(id)) {
					continue;
				}
				EncodableSection section = model.getSection(id);
				if (id == TcfEuV2.ID && section instanceof TcfEuV2 tcfSection) {
					tcf = TcStringReaderTests.library(tcfSection.encode());
					if (tcf == null) {
						return null;
					}
				}
				else if (section != null && id != UspV1.ID && section.getName().startsWith("us")) {
					us.add(new GppConsent.UsSection(id, optedOut(section, "SaleOptOut"),
							optedOut(section, "SharingOptOut"), optedOut(section, "TargetedAdvertisingOptOut"),
							section.hasField("Gpc") && Boolean.TRUE.equals(section.getFieldValue("Gpc"))));
				}
			}
			return new GppConsent(tcf, us);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean optedOut(EncodableSection section, String field) {
		return section.hasField(field) && section.getFieldValue(field) instanceof Integer value && value == 1;
	}

}
