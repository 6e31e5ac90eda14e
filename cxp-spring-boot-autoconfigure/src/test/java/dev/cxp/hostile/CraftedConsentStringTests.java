package dev.cxp.hostile;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;

import com.iab.gpp.encoder.field.HeaderV1Field;
import com.iab.gpp.encoder.section.HeaderV1;
import com.sun.management.ThreadMXBean;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentState;
import dev.cxp.internal.cmp.CmpConsent;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.cmp.CmpReading;
import dev.cxp.internal.cmp.GppSettings;
import dev.cxp.internal.cmp.IabConsentStringDecoder;
import dev.cxp.internal.cmp.TcfSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crafted consent strings cost what their length allows, never what they declare (SPEC S12.2): one read of a
 * string the cache has not seen, through the starter's reader and its default decoder, allocates less than
 * 1 MB on the reading thread, whether the string is read or refused. Before, the 3.9 KB string of 440 publisher
 * restrictions made the IAB library allocate about 295 MB, and changing its CMP version defeated the cache.
 */
class CraftedConsentStringTests {

	private static final long ONE_MEGABYTE = 1024 * 1024;

	/**
	 * CPU time of a read, far above what it costs and far below what decoding the ranges cost; the median of a
	 * test's reads is held to it, so that one read slowed by the machine (a compilation, a busy core) does not
	 * count, while an amplifier, which slows every read, does.
	 */
	private static final long FIFTY_MILLISECONDS = 50_000_000;

	private static final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final List<Long> cpuTimes = new ArrayList<>();

	private final CmpConsentReader reader = new CmpConsentReader(new IabConsentStringDecoder(),
			new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1)), false),
			new GppSettings("__gpp", "__gpp_sid", List.of("analytics")));

	@BeforeAll
	static void measurable() {
		assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
		threads.setThreadAllocatedMemoryEnabled(true);
	}

	@Test
	void aTcStringOf440PublisherRestrictionsOverEveryVendorIsReadCheaply() {
		String first = CraftedConsentStrings.publisherRestrictions(1);
		assertThat(first).hasSizeBetween(3800, CmpConsentReader.MAX_STRING_LENGTH);
		// The first read loads classes; the ones measured differ in their CMP version, so none is cached
		assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", first)).state("analytics"))
			.isEqualTo(ConsentState.GRANTED);
		for (int cmpVersion = 2; cmpVersion <= 11; cmpVersion++) {
			Cookie[] cookies = cookies("euconsent-v2", CraftedConsentStrings.publisherRestrictions(cmpVersion));
			CmpConsent consent = cheaply(() -> CmpReading.read(this.reader, cookies));
			assertThat(consent.source()).isEqualTo("tcf");
			assertThat(consent.state("analytics")).isEqualTo(ConsentState.GRANTED);
		}
		assertThat(this.reader.invalidStrings(CmpConsentReader.KIND_TCF)).isZero();
	}

	@Test
	void aTcStringOfVendorRangesOverEveryIdIsReadCheaply() {
		String first = CraftedConsentStrings.vendorRanges(1);
		assertThat(first).hasSizeBetween(3800, CmpConsentReader.MAX_STRING_LENGTH);
		CmpReading.read(this.reader, cookies("euconsent-v2", first));
		for (int cmpVersion = 2; cmpVersion <= 11; cmpVersion++) {
			Cookie[] cookies = cookies("euconsent-v2", CraftedConsentStrings.vendorRanges(cmpVersion));
			assertThat(cheaply(() -> CmpReading.read(this.reader, cookies)).state("analytics")).isEqualTo(ConsentState.GRANTED);
		}
	}

	@Test
	void theSameStringsAsTheTcfSectionOfAGppStringAreReadCheaply() {
		CmpReading.read(this.reader, cookies("__gpp", "DBABMA~" + CraftedConsentStrings.publisherRestrictions(1)));
		for (int cmpVersion = 2; cmpVersion <= 11; cmpVersion++) {
			Cookie[] restrictions = cookies("__gpp", "DBABMA~" + CraftedConsentStrings.publisherRestrictions(cmpVersion),
					"__gpp_sid", "2");
			Cookie[] ranges = cookies("__gpp", "DBABMA~" + CraftedConsentStrings.vendorRanges(cmpVersion));
			for (Cookie[] cookies : List.of(restrictions, ranges)) {
				CmpConsent consent = cheaply(() -> CmpReading.read(this.reader, cookies));
				assertThat(consent.source()).isEqualTo("gpp");
				assertThat(consent.state("analytics")).isEqualTo(ConsentState.GRANTED);
			}
		}
	}

	@Test
	void aGppHeaderDeclaringThousandsOfSectionsIsRefusedCheaply() {
		CmpReading.read(this.reader, cookies("__gpp", "DBABMA~junk"));
		for (int last = 1000; last <= 8000; last += 1000) {
			Cookie[] cookies = cookies("__gpp", header(last) + "~BAAQAAAAAABA.YA");
			assertThat(cheaply(() -> CmpReading.read(this.reader, cookies))).isNull();
		}
		// Past 8,192 ids the IAB's decoder ends the list before the range: the string names no section
		Cookie[] beyond = cookies("__gpp", header(60_000) + "~BAAQAAAAAABA.YA");
		assertThat(cheaply(() -> CmpReading.read(this.reader, beyond))).isNull();
		assertThat(this.reader.invalidStrings(CmpConsentReader.KIND_GPP)).isEqualTo(1 + 8);
	}

	@Test
	void anOverLongUsSectionIsRefusedBeforeTheLibraryDecodesIt() {
		CmpReading.read(this.reader, cookies("__gpp", "DBABLA~BAAQAAAAAABA.YA"));
		for (int i = 0; i < 10; i++) {
			String section = "BAAQAAAAAABA" + "A".repeat(4000 + i) + ".YA";
			Cookie[] cookies = cookies("__gpp", "DBABLA~" + section);
			assertThat(cheaply(() -> CmpReading.read(this.reader, cookies))).isNull();
		}
		assertThat(this.reader.invalidStrings(CmpConsentReader.KIND_GPP)).isEqualTo(10);
	}

	@Test
	void aGppStringOfAThousandSectionsIsRefusedCheaply() {
		CmpReading.read(this.reader, cookies("__gpp", "DBABMA~junk"));
		for (int sections = 1000; sections < 1010; sections++) {
			String gpp = header(8, sections) + "~A".repeat(sections);
			assertThat(gpp).hasSizeLessThanOrEqualTo(CmpConsentReader.MAX_STRING_LENGTH);
			Cookie[] cookies = cookies("__gpp", gpp);
			assertThat(cheaply(() -> CmpReading.read(this.reader, cookies))).isNull();
		}
	}

	@Test
	void generatedStringsOfTheLongestLengthCostLittle() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(HostileInput.SEED + 300);
		CmpReading.read(this.reader, cookies("euconsent-v2", "C", "__gpp", "DB"));
		for (int i = 0; i < 100; i++) {
			StringBuilder value = new StringBuilder((i % 2 == 0) ? "C" : "DB");
			while (value.length() < CmpConsentReader.MAX_STRING_LENGTH) {
				int pick = random.nextInt(ConsentStringInput.BASE64URL.length() + 2);
				value.append((pick < ConsentStringInput.BASE64URL.length()) ? ConsentStringInput.BASE64URL.charAt(pick)
						: (pick % 2 == 0) ? '.' : '~');
			}
			Cookie[] cookies = cookies((i % 2 == 0) ? "euconsent-v2" : "__gpp", value.toString());
			cheaply(() -> CmpReading.read(this.reader, cookies));
		}
	}

	private <T> @Nullable T cheaply(Supplier<@Nullable T> read) {
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long cpuBefore = threads.getCurrentThreadCpuTime();
		T result = read.get();
		this.cpuTimes.add(threads.getCurrentThreadCpuTime() - cpuBefore);
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		assertThat(allocated).as("bytes allocated by one read").isLessThan(ONE_MEGABYTE);
		return result;
	}

	@AfterEach
	void readsCostLittleCpu() {
		assertThat(this.cpuTimes).isNotEmpty();
		List<Long> sorted = this.cpuTimes.stream().sorted().toList();
		assertThat(sorted.get(sorted.size() / 2)).as("median CPU nanoseconds of a read, of %s", sorted)
			.isLessThan(FIFTY_MILLISECONDS);
	}

	// A GPP header whose section ids are one range, 1 to last, in a dozen characters
	private static String header(int last) {
		return header(1, last);
	}

	private static String header(int first, int count) {
		HeaderV1 header = new HeaderV1();
		header.setFieldValue(HeaderV1Field.SECTION_IDS, IntStream.range(first, first + count).boxed().toList());
		return header.encode();
	}

	private static Cookie[] cookies(String... namesAndValues) {
		Cookie[] cookies = new Cookie[namesAndValues.length / 2];
		for (int i = 0; i < cookies.length; i++) {
			cookies[i] = new Cookie(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
		}
		return cookies;
	}

}
