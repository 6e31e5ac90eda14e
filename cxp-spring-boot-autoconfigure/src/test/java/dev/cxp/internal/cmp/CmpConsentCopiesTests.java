package dev.cxp.internal.cmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.ConsentState;
import dev.cxp.consent.cmp.ConsentStrings;

import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.OPTED_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.purposes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of the CMP cookies fail closed (SPEC S12.2): every copy is read, invalid copies are skipped without
 * using up anything, a denial in any readable copy wins, and copies of the applicable section ids that
 * disagree make every section of the GPP string count.
 */
class CmpConsentCopiesTests {

	private final CountingDecoder decoder = new CountingDecoder();

	private final CmpConsentReader reader = new CmpConsentReader(this.decoder,
			new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1)), false),
			new GppSettings("__gpp", "__gpp_sid", List.of("analytics")));

	@Test
	void fourInvalidCopiesBeforeARealDenialDeny() {
		CmpConsent consent = CmpReading.read(this.reader, cookies("euconsent-v2", "x", "euconsent-v2", "x", "euconsent-v2", "x",
				"euconsent-v2", "x", "euconsent-v2", ConsentStrings.purposeOneRefused()));
		assertThat(consent.source()).isEqualTo("tcf");
		assertThat(consent.state("analytics")).isEqualTo(ConsentState.DENIED);
		assertThat(this.reader.invalidStrings(CmpConsentReader.KIND_TCF)).isEqualTo(4);
	}

	@Test
	void copiesThatAllGrantGrant() {
		String granted = ConsentStrings.allPurposes();
		CmpConsent consent = CmpReading.read(this.reader, cookies("euconsent-v2", granted, "euconsent-v2", granted));
		assertThat(consent.state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(consent.globalPrivacyControl()).isFalse();
	}

	@Test
	void aDenialWinsWhicheverCopyCarriesIt() {
		String granted = ConsentStrings.allPurposes();
		String denied = ConsentStrings.purposeOneRefused();
		assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", denied, "euconsent-v2", granted)).state("analytics"))
			.isEqualTo(ConsentState.DENIED);
		assertThat(CmpReading.read(this.reader, cookies("euconsent-v2", granted, "euconsent-v2", denied)).state("analytics"))
			.isEqualTo(ConsentState.DENIED);
	}

	@Test
	void aGpcSignalInAnyCopyCounts() {
		String granted = ConsentStrings.gppWithTcfAndUsNat(purposes(1), DID_NOT_OPT_OUT, false);
		String gpc = ConsentStrings.gppUsNat(DID_NOT_OPT_OUT, DID_NOT_OPT_OUT, true);
		assertThat(CmpReading.read(this.reader, cookies("__gpp", granted, "__gpp", granted)).globalPrivacyControl())
			.isFalse();
		for (Cookie[] cookies : List.of(cookies("__gpp", gpc, "__gpp", granted), cookies("__gpp", granted, "__gpp", gpc))) {
			CmpConsent consent = CmpReading.read(this.reader, cookies);
			assertThat(consent.globalPrivacyControl()).isTrue();
			assertThat(consent.state("analytics")).isEqualTo(ConsentState.GRANTED);
		}
	}

	@Test
	void plantedGrantsBeforeTheRealDenialDoNotWin() {
		List<String> namesAndValues = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			namesAndValues.addAll(List.of("euconsent-v2", ConsentStrings.allPurposes()));
		}
		namesAndValues.addAll(List.of("euconsent-v2", ConsentStrings.purposeOneRefused()));
		CmpConsent consent = CmpReading.read(this.reader, cookies(namesAndValues.toArray(String[]::new)));
		assertThat(consent.state("analytics")).isEqualTo(ConsentState.DENIED);
	}

	@Test
	void everyCopyARequestCanCarryIsReadAndEachValueDecodedOnce() {
		String granted = ConsentStrings.allPurposes();
		List<String> namesAndValues = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			namesAndValues.addAll(List.of("euconsent-v2", (i % 2 == 0) ? "x" : granted));
		}
		namesAndValues.addAll(List.of("euconsent-v2", ConsentStrings.purposeOneRefused()));
		CmpConsent consent = CmpReading.read(this.reader, cookies(namesAndValues.toArray(String[]::new)));
		assertThat(consent.state("analytics")).isEqualTo(ConsentState.DENIED);
		assertThat(this.decoder.tcfDecodes).hasValue(3);
	}

	@Test
	void invalidCopiesOfTheGppStringBeforeARealOptOutDeny() {
		CmpConsent consent = CmpReading.read(this.reader, cookies("__gpp", "DBx", "__gpp", "DBx", "__gpp", "DBx", "__gpp", "DBx",
				"__gpp", ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, false), "__gpp_sid", "7"));
		assertThat(consent.source()).isEqualTo("gpp");
		assertThat(consent.state("analytics")).isEqualTo(ConsentState.DENIED);
	}

	@Test
	void aPlantedSidOfNoSectionBesideTheRealOneReadsEverySection() {
		String optedOut = ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, false);
		for (Cookie[] cookies : List.of(cookies("__gpp_sid", "-1", "__gpp_sid", "7", "__gpp", optedOut),
				cookies("__gpp", optedOut, "__gpp_sid", "7", "__gpp_sid", "-1"))) {
			CmpConsent consent = CmpReading.read(this.reader, cookies);
			assertThat(consent).isNotNull();
			assertThat(consent.state("analytics")).isEqualTo(ConsentState.DENIED);
		}
		assertThat(CmpReading.read(this.reader, cookies("__gpp_sid", "-1", "__gpp", optedOut))).as("the sid alone applies")
			.isNull();
	}

	@Test
	void sidCopiesThatNameTheSameSectionsApply() {
		String gpp = ConsentStrings.gppWithTcfAndUsNat(purposes(1), OPTED_OUT, false);
		assertThat(CmpReading.read(this.reader, cookies("__gpp", gpp, "__gpp_sid", "2", "__gpp_sid", "2")).state("analytics"))
			.isEqualTo(ConsentState.GRANTED);
		assertThat(CmpReading.read(this.reader, cookies("__gpp", gpp, "__gpp_sid", "2,7", "__gpp_sid", "7_2")).state("analytics"))
			.isEqualTo(ConsentState.DENIED);
		assertThat(CmpReading.read(this.reader, cookies("__gpp", gpp, "__gpp_sid", "2", "__gpp_sid", "7")).state("analytics"))
			.as("disagreeing: every section").isEqualTo(ConsentState.DENIED);
	}

	@Test
	void unreadableSidCopiesAreSkipped() {
		String gpp = ConsentStrings.gppWithTcfAndUsNat(purposes(1), OPTED_OUT, false);
		Cookie[] cookies = cookies("__gpp", gpp, "__gpp_sid", "junk", "__gpp_sid", "7".repeat(300), "__gpp_sid", "",
				"__gpp_sid", "2");
		assertThat(CmpReading.read(this.reader, cookies).state("analytics")).isEqualTo(ConsentState.GRANTED);
	}

	private static Cookie[] cookies(String... namesAndValues) {
		return CmpConsentReaderTests.cookies(namesAndValues);
	}

}
