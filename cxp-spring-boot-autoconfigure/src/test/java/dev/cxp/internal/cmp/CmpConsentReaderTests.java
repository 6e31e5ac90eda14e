package dev.cxp.internal.cmp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;

import static dev.cxp.consent.cmp.ConsentStrings.CMP_ID;
import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.OPTED_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.POLICY_VERSION;
import static dev.cxp.consent.cmp.ConsentStrings.purposes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link CmpConsentReader}: the rules of SPEC S11.3 to S11.5 on strings made by the IAB encoder.
 */
class CmpConsentReaderTests {

	private static final TcfSettings TCF = new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1)), false);

	private static final GppSettings GPP = new GppSettings("__gpp", "__gpp_sid", List.of());

	private final CountingDecoder decoder = new CountingDecoder();

	private final CmpConsentReader reader = new CmpConsentReader(this.decoder, TCF, GPP);

	@Test
	void everyPurposeGrantsAnalytics() {
		CmpConsent consent = CmpReading.read(this.reader, cookies("euconsent-v2", ConsentStrings.allPurposes()));
		assertThat(consent).isNotNull();
		assertThat(consent.source()).isEqualTo("tcf");
		assertThat(consent.purposes()).containsExactly(entry("analytics", ConsentState.GRANTED));
		assertThat(consent.globalPrivacyControl()).isFalse();
	}

	@Test
	void purposeOneRefusedDeniesAnalytics() {
		CmpConsent consent = CmpReading.read(this.reader, cookies("euconsent-v2", ConsentStrings.purposeOneRefused()));
		assertThat(consent.purposes()).containsExactly(entry("analytics", ConsentState.DENIED));
	}

	@Test
	void aPurposeIsGrantedOnlyWhenEveryListedTcfPurposeHasConsent() {
		Map<String, List<Integer>> mapping = new LinkedHashMap<>();
		mapping.put("analytics", List.of(1, 7, 9));
		mapping.put("ads", List.of(1, 2, 3, 4));
		CmpConsentReader reader = reader(new TcfSettings("euconsent-v2", mapping, false), null);
		String tcString = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(1, 7, 9, 2, 3), null);
		CmpConsent consent = reader.readTcf(tcString);
		assertThat(consent.purposes()).containsExactly(entry("analytics", ConsentState.GRANTED),
				entry("ads", ConsentState.DENIED));
		assertThat(consent.state("personalisation")).isEqualTo(ConsentState.UNSPECIFIED);
	}

	@Test
	void corePurposesAreReadUnlessThePublisherSegmentIsAskedFor() {
		String tcString = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(2), purposes(1));
		assertThat(this.reader.readTcf(tcString).state("analytics")).isEqualTo(ConsentState.DENIED);
		CmpConsentReader publisher = reader(new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1)), true),
				null);
		assertThat(publisher.readTcf(tcString).state("analytics")).isEqualTo(ConsentState.GRANTED);
		String refusedByPublisher = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(1), purposes(2));
		assertThat(publisher.readTcf(refusedByPublisher).state("analytics")).isEqualTo(ConsentState.DENIED);
	}

	@Test
	void withoutAPublisherSegmentTheCoreIsRead() {
		CmpConsentReader publisher = reader(new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1)), true),
				null);
		assertThat(publisher.readTcf(ConsentStrings.allPurposes()).state("analytics"))
			.isEqualTo(ConsentState.GRANTED);
	}

	@Test
	void anOldPolicyVersionIsAbsentAndCounted() {
		String old = ConsentStrings.tcf(2, CMP_ID, purposes(1), null);
		assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", old))).isNull();
		assertThat(this.reader.invalidStrings(CmpConsentReader.KIND_TCF)).isEqualTo(1);
		assertThat(this.reader.invalidStrings(CmpConsentReader.KIND_GPP)).isZero();
	}

	@Test
	void cmpIdZeroIsAbsentAndCounted() {
		String noCmp = ConsentStrings.tcf(POLICY_VERSION, 0, purposes(1), null);
		assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", noCmp))).isNull();
		assertThat(this.reader.invalidStrings("tcf")).isEqualTo(1);
	}

	@Test
	void undecodableStringsAreAbsentAndCountedByKind() {
		assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", "CPnot-a-string"))).isNull();
		assertThat(CmpReading.read(this.reader, cookies("__gpp", "DBnot~a~string"))).isNull();
		assertThat(this.reader.invalidStrings("tcf")).isEqualTo(1);
		assertThat(this.reader.invalidStrings("gpp")).isEqualTo(1);
		assertThat(this.reader.invalidStrings("other")).isZero();
	}

	@Test
	void overLongStringsAreCountedWithoutDecoding() {
		String tooLong = ConsentStrings.allPurposes() + "A".repeat(CmpConsentReader.MAX_STRING_LENGTH);
		assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", tooLong))).isNull();
		assertThat(CmpReading.read(this.reader, cookies("__gpp", tooLong))).isNull();
		assertThat(this.decoder.tcfDecodes).hasValue(0);
		assertThat(this.decoder.gppDecodes).hasValue(0);
		assertThat(this.reader.invalidStrings("tcf")).isEqualTo(1);
		assertThat(this.reader.invalidStrings("gpp")).isEqualTo(1);
	}

	@Test
	void stringsOfTheLongestLengthAreDecoded() {
		// Empty segments of a TC string and a section the GPP header does not name are read past
		String tcString = ConsentStrings.allPurposes();
		String longestTcString = tcString + ".".repeat(CmpConsentReader.MAX_STRING_LENGTH - tcString.length());
		assertThat(this.reader.readTcf(longestTcString).state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(this.reader.readTcf(longestTcString + ".")).isNull();
		String gpp = ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(1)) + "~";
		String longestGpp = gpp + "A".repeat(CmpConsentReader.MAX_STRING_LENGTH - gpp.length());
		assertThat(this.reader.readGpp(longestGpp, null).state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(this.reader.readGpp(longestGpp + "A", null)).isNull();
		assertThat(this.decoder.tcfDecodes).hasValue(1);
		assertThat(this.decoder.gppDecodes).hasValue(1);
		assertThat(this.reader.invalidStrings("tcf")).isEqualTo(1);
		assertThat(this.reader.invalidStrings("gpp")).isEqualTo(1);
	}

	@Test
	void applicableSectionIdsOfTheLongestLengthApply() {
		CmpConsentReader reader = reader(TCF, new GppSettings("__gpp", "__gpp_sid", List.of("analytics")));
		String gpp = ConsentStrings.gppWithTcfAndUsNat(purposes(1), OPTED_OUT, false);
		String tcfOnly = "2" + ",".repeat(ApplicableSectionIds.MAX_LENGTH - 1);
		assertThat(reader.readGpp(gpp, tcfOnly).state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(CmpReading.read(reader, cookies("__gpp", gpp, "__gpp_sid", tcfOnly)).state("analytics"))
			.isEqualTo(ConsentState.GRANTED);
		// Longer: every section is read, and the US opt-out denies
		assertThat(reader.readGpp(gpp, tcfOnly + ",").state("analytics")).isEqualTo(ConsentState.DENIED);
	}

	@Test
	void nothingIsDecodedWithoutTheCookies() {
		assertThat(CmpReading.read(this.reader, null)).isNull();
		assertThat(CmpReading.read(this.reader, cookies("other", ConsentStrings.allPurposes(), "euconsent-v2", ""))).isNull();
		assertThat(this.decoder.tcfDecodes).hasValue(0);
		assertThat(this.decoder.gppDecodes).hasValue(0);
		assertThat(this.reader.invalidStrings("tcf")).isZero();
	}

	@Test
	void aStringIsDecodedOnceAndThenTakenFromTheCache() {
		String tcString = ConsentStrings.allPurposes();
		String invalid = "CPinvalid";
		for (int i = 0; i < 5; i++) {
			assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", tcString)).state("analytics"))
				.isEqualTo(ConsentState.GRANTED);
			assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", invalid))).isNull();
		}
		assertThat(this.decoder.tcfDecodes).hasValue(2);
		// Counted per request that carried it, though decoded once
		assertThat(this.reader.invalidStrings("tcf")).isEqualTo(5);
	}

	@Test
	void anInvalidGppStringIsDecodedOnceAndCountedEveryTime() {
		for (int i = 0; i < 5; i++) {
			assertThat(CmpReading.read(this.reader, cookies("__gpp", "DBnot~a~string"))).isNull();
		}
		assertThat(this.decoder.gppDecodes).hasValue(1);
		assertThat(this.reader.invalidStrings("gpp")).isEqualTo(5);
	}

	@Test
	void theTcStringComesBeforeTheGppString() {
		String gpp = ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(1));
		CmpConsent consent = CmpReading.read(this.reader, cookies("__gpp", gpp, "euconsent-v2", ConsentStrings.purposeOneRefused()));
		assertThat(consent.source()).isEqualTo("tcf");
		assertThat(consent.state("analytics")).isEqualTo(ConsentState.DENIED);
		assertThat(this.decoder.gppDecodes).hasValue(0);
		CmpConsent afterInvalidTc = CmpReading.read(this.reader, cookies("euconsent-v2", "junk", "__gpp", gpp));
		assertThat(afterInvalidTc.source()).isEqualTo("gpp");
		assertThat(afterInvalidTc.state("analytics")).isEqualTo(ConsentState.GRANTED);
	}

	@Test
	void eachStringCanBeReadOnItsOwn() {
		Cookie[] both = cookies("euconsent-v2", ConsentStrings.allPurposes(), "__gpp",
				ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(2)), "__gpp_sid", "2");
		assertThat(CmpReading.readTcf(this.reader, both).source()).isEqualTo("tcf");
		assertThat(CmpReading.readTcf(this.reader, both).state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(CmpReading.readGpp(this.reader, both).source()).isEqualTo("gpp");
		assertThat(CmpReading.readGpp(this.reader, both).state("analytics")).isEqualTo(ConsentState.DENIED);
		assertThat(CmpReading.readGpp(this.reader, cookies("euconsent-v2", ConsentStrings.allPurposes()))).isNull();
		assertThat(CmpReading.readTcf(this.reader, (Cookie[]) null)).isNull();
	}

	@Test
	void aDenialInAnyCopyOfTheCookieWins() {
		CmpConsent consent = CmpReading.read(this.reader, cookies("euconsent-v2", ConsentStrings.allPurposes(), "euconsent-v2",
				ConsentStrings.purposeOneRefused()));
		assertThat(consent.state("analytics")).isEqualTo(ConsentState.DENIED);
		CmpConsent withJunk = CmpReading.read(this.reader, cookies("euconsent-v2", "junk", "euconsent-v2", ConsentStrings.allPurposes()));
		assertThat(withJunk.state("analytics")).isEqualTo(ConsentState.GRANTED);
	}

	@Test
	void theTcfSectionOfAGppStringIsReadAsATcString() {
		CmpConsent granted = CmpReading.read(this.reader, cookies("__gpp", ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(1))));
		assertThat(granted.source()).isEqualTo("gpp");
		assertThat(granted.purposes()).containsExactly(entry("analytics", ConsentState.GRANTED));
		CmpConsent denied = CmpReading.read(this.reader, cookies("__gpp", ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(2))));
		assertThat(denied.purposes()).containsExactly(entry("analytics", ConsentState.DENIED));
	}

	@Test
	void withoutTcStringsTheTcfSectionOfAGppStringDecidesNothing() {
		CmpConsentReader gppOnly = reader(null, new GppSettings("__gpp", "__gpp_sid", List.of("ads")));
		String gpp = ConsentStrings.gppWithTcfAndUsNat(purposes(1), OPTED_OUT, false);
		assertThat(gppOnly.readGpp(gpp, null).purposes()).containsExactly(entry("ads", ConsentState.DENIED));
		assertThat(gppOnly.readGpp(ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(1)), null)).isNull();
		assertThat(gppOnly.invalidStrings("gpp")).isZero();
	}

	@Test
	void anOldTcfSectionInAGppStringIsIgnoredAndCounted() {
		String gpp = ConsentStrings.gppWithTcf(2, purposes(1));
		assertThat(CmpReading.read(this.reader, cookies("__gpp", gpp))).isNull();
		assertThat(this.reader.invalidStrings("gpp")).isEqualTo(1);
	}

	@Test
	void aUsOptOutDeniesOnlyTheConfiguredPurposesAndNeverGrants() {
		CmpConsentReader reader = reader(TCF, new GppSettings("__gpp", "__gpp_sid", List.of("ads")));
		CmpConsent optedOut = CmpReading.read(reader, cookies("__gpp", ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, false),
				"__gpp_sid", "7"));
		assertThat(optedOut.source()).isEqualTo("gpp");
		assertThat(optedOut.purposes()).containsExactly(entry("ads", ConsentState.DENIED));
		assertThat(optedOut.state("analytics")).isEqualTo(ConsentState.UNSPECIFIED);
		CmpConsent targeted = CmpReading.read(reader, cookies("__gpp", ConsentStrings.gppUsNat(DID_NOT_OPT_OUT, OPTED_OUT, false)));
		assertThat(targeted.purposes()).containsExactly(entry("ads", ConsentState.DENIED));
		// No opt-out: the section says nothing about any purpose
		assertThat(CmpReading.read(reader, cookies("__gpp", ConsentStrings.gppUsNat(DID_NOT_OPT_OUT, DID_NOT_OPT_OUT, false))))
			.isNull();
	}

	@Test
	void byDefaultAUsOptOutLeavesEveryPurposeToThePolicy() {
		assertThat(CmpReading.read(this.reader, cookies("__gpp", ConsentStrings.gppUsNat(OPTED_OUT, OPTED_OUT, false)))).isNull();
		assertThat(this.reader.invalidStrings("gpp")).isZero();
	}

	@Test
	void aCaliforniaSharingOptOutDenies() {
		CmpConsentReader reader = reader(null, new GppSettings("__gpp", "__gpp_sid", List.of("ads", "analytics")));
		CmpConsent consent = CmpReading.read(reader, cookies("__gpp", ConsentStrings.gppCalifornia(DID_NOT_OPT_OUT, OPTED_OUT, false), "__gpp_sid", "8"));
		assertThat(consent.purposes()).containsExactly(entry("ads", ConsentState.DENIED),
				entry("analytics", ConsentState.DENIED));
	}

	@Test
	void theGpcFlagOfAUsSectionIsPassedOn() {
		CmpConsent consent = CmpReading.read(this.reader, cookies("__gpp", ConsentStrings.gppCalifornia(DID_NOT_OPT_OUT, DID_NOT_OPT_OUT, true)));
		assertThat(consent.source()).isEqualTo("gpp");
		assertThat(consent.purposes()).isEmpty();
		assertThat(consent.globalPrivacyControl()).isTrue();
		assertThat(consent.answers()).isTrue();
	}

	@Test
	void aUsOptOutOutweighsAGrantOfTheTcfSection() {
		CmpConsentReader reader = reader(TCF, new GppSettings("__gpp", "__gpp_sid", List.of("analytics")));
		String gpp = ConsentStrings.gppWithTcfAndUsNat(purposes(1), OPTED_OUT, false);
		assertThat(CmpReading.read(reader, cookies("__gpp", gpp)).state("analytics")).isEqualTo(ConsentState.DENIED);
		assertThat(CmpReading.read(reader, cookies("__gpp", gpp, "__gpp_sid", "2")).state("analytics"))
			.isEqualTo(ConsentState.GRANTED);
	}

	@Test
	void aStringThatIsNotReadIsNotDecoded() {
		CmpConsentReader gppOnly = reader(null, GPP);
		assertThat(CmpReading.read(gppOnly, cookies("euconsent-v2", ConsentStrings.allPurposes()))).isNull();
		CmpConsentReader tcfOnly = reader(TCF, null);
		assertThat(CmpReading.read(tcfOnly, cookies("__gpp", ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(1))))).isNull();
		assertThat(this.decoder.tcfDecodes).hasValue(0);
		assertThat(this.decoder.gppDecodes).hasValue(0);
	}

	@Test
	void aThrowingDecoderCountsAsAnInvalidString() {
		ConsentStringDecoder throwing = new ConsentStringDecoder() {

			@Override
			public @Nullable TcfConsent decodeTcf(String tcString) {
				throw new IllegalStateException("broken");
			}

			@Override
			public @Nullable GppConsent decodeGpp(String gppString, @Nullable String applicableSectionIds) {
				throw new IllegalStateException("broken");
			}

		};
		CmpConsentReader reader = new CmpConsentReader(throwing, TCF, GPP);
		assertThat(CmpReading.read(reader, cookies("euconsent-v2", "a", "__gpp", "b"))).isNull();
		assertThat(reader.invalidStrings("tcf")).isEqualTo(1);
		assertThat(reader.invalidStrings("gpp")).isEqualTo(1);
	}

	@Test
	void concurrentReadersDecodeEachStringOnce() throws Exception {
		List<String> strings = List.of(ConsentStrings.allPurposes(), ConsentStrings.purposeOneRefused(), "CPjunk");
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(executor.submit(() -> {
					start.await();
					int granted = 0;
					for (int i = 0; i < 300; i++) {
						CmpConsent consent = CmpReading.read(this.reader, cookies("euconsent-v2", strings.get(i % 3)));
						granted += (consent != null && consent.state("analytics") == ConsentState.GRANTED) ? 1 : 0;
					}
					return granted;
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(100);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.decoder.tcfDecodes).hasValue(3);
		assertThat(this.reader.invalidStrings("tcf")).isEqualTo(threads * 100);
	}

	private CmpConsentReader reader(@Nullable TcfSettings tcf, @Nullable GppSettings gpp) {
		return new CmpConsentReader(this.decoder, tcf, gpp);
	}

	static Cookie[] cookies(String... namesAndValues) {
		Cookie[] cookies = new Cookie[namesAndValues.length / 2];
		for (int i = 0; i < cookies.length; i++) {
			cookies[i] = new Cookie(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
		}
		return cookies;
	}

}
