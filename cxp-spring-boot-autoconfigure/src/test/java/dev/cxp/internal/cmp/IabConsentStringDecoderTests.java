package dev.cxp.internal.cmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import com.iab.gpp.encoder.datatype.encoder.FibonacciIntegerRangeEncoder;
import com.iab.gpp.encoder.field.HeaderV1Field;
import com.iab.gpp.encoder.section.HeaderV1;
import org.junit.jupiter.api.Test;

import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;

import static dev.cxp.consent.cmp.ConsentStrings.CMP_ID;
import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.OPTED_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.POLICY_VERSION;
import static dev.cxp.consent.cmp.ConsentStrings.purposes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IabConsentStringDecoder}, on strings made by the same library's encoder.
 */
class IabConsentStringDecoderTests {

	private final IabConsentStringDecoder decoder = new IabConsentStringDecoder();

	@Test
	void decodesEveryPurposeOfATcString() {
		TcfConsent consent = this.decoder.decodeTcf(ConsentStrings.allPurposes());
		assertThat(consent).isNotNull();
		assertThat(consent.policyVersion()).isEqualTo(POLICY_VERSION);
		assertThat(consent.cmpId()).isEqualTo(CMP_ID);
		assertThat(consent.purposeConsents()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
		assertThat(consent.hasPublisherSegment()).isFalse();
	}

	@Test
	void decodesARefusedPurposeOne() {
		TcfConsent consent = this.decoder.decodeTcf(ConsentStrings.purposeOneRefused());
		assertThat(consent).isNotNull();
		assertThat(consent.purposeConsents()).doesNotContain(1).contains(2, 11);
	}

	@Test
	void decodesAPublisherSegmentThatDiffersFromTheCore() {
		String tcString = ConsentStrings.tcf(POLICY_VERSION, CMP_ID, purposes(2), purposes(1, 7));
		assertThat(tcString).contains(".");
		TcfConsent consent = this.decoder.decodeTcf(tcString);
		assertThat(consent).isNotNull();
		assertThat(consent.purposeConsents()).containsExactly(2);
		assertThat(consent.publisherPurposeConsents()).containsExactlyInAnyOrder(1, 7);
	}

	@Test
	void decodesPolicyVersionAndCmpIdAsTheyAre() {
		TcfConsent old = this.decoder.decodeTcf(ConsentStrings.tcf(2, CMP_ID, purposes(1), null));
		TcfConsent noCmp = this.decoder.decodeTcf(ConsentStrings.tcf(POLICY_VERSION, 0, purposes(1), null));
		assertThat(old).isNotNull();
		assertThat(old.policyVersion()).isEqualTo(2);
		assertThat(noCmp).isNotNull();
		assertThat(noCmp.cmpId()).isZero();
	}

	@Test
	void answersNullForWhatIsNoTcString() {
		assertThat(this.decoder.decodeTcf("")).isNull();
		assertThat(this.decoder.decodeTcf("granted")).isNull();
		assertThat(this.decoder.decodeTcf("C")).isNull();
		assertThat(this.decoder.decodeTcf("CP!!")).isNull();
		// A publisher segment alone leaves the core at the library's defaults: not a string
		assertThat(this.decoder.decodeTcf("YAAAAAAA")).isNull();
		String valid = ConsentStrings.allPurposes();
		assertThat(this.decoder.decodeTcf(valid.substring(0, 10))).isNull();
	}

	@Test
	void decodesTheTcfSectionOfAGppString() {
		GppConsent consent = this.decoder.decodeGpp(ConsentStrings.gppWithTcf(POLICY_VERSION, purposes(1, 2)), null);
		assertThat(consent).isNotNull();
		assertThat(consent.tcfEuV2()).isNotNull();
		assertThat(consent.tcfEuV2().purposeConsents()).containsExactlyInAnyOrder(1, 2);
		assertThat(consent.usSections()).isEmpty();
	}

	@Test
	void decodesUsNatOptOutsAndGpc() {
		GppConsent optedOut = this.decoder.decodeGpp(ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, true), "7");
		assertThat(optedOut).isNotNull();
		assertThat(optedOut.tcfEuV2()).isNull();
		assertThat(optedOut.usSections()).containsExactly(new GppConsent.UsSection(7, true, false, false, true));
		GppConsent notOptedOut = this.decoder
			.decodeGpp(ConsentStrings.gppUsNat(DID_NOT_OPT_OUT, DID_NOT_OPT_OUT, false), "7");
		assertThat(notOptedOut.usSections()).containsExactly(new GppConsent.UsSection(7, false, false, false, false));
		GppConsent targeted = this.decoder.decodeGpp(ConsentStrings.gppUsNat(DID_NOT_OPT_OUT, OPTED_OUT, false), null);
		assertThat(targeted.usSections().get(0).anyOptOut()).isTrue();
	}

	@Test
	void decodesACaliforniaSection() {
		GppConsent consent = this.decoder.decodeGpp(ConsentStrings.gppCalifornia(DID_NOT_OPT_OUT, OPTED_OUT, false),
				"8");
		assertThat(consent).isNotNull();
		assertThat(consent.usSections()).containsExactly(new GppConsent.UsSection(8, false, true, false, false));
	}

	@Test
	void aUsSectionOfTheLongestLengthIsHandedToTheLibrary() {
		String gpp = ConsentStrings.gppUsNat(OPTED_OUT, DID_NOT_OPT_OUT, true);
		int sectionStart = gpp.indexOf('~') + 1;
		// Bits past the last field are not read
		String longest = gpp + "A".repeat(IabConsentStringDecoder.MAX_US_SECTION_LENGTH - (gpp.length() - sectionStart));
		assertThat(longest.length() - sectionStart).isEqualTo(IabConsentStringDecoder.MAX_US_SECTION_LENGTH);
		assertThat(this.decoder.decodeGpp(longest, null).usSections())
			.containsExactly(new GppConsent.UsSection(7, true, false, false, true));
		assertThat(this.decoder.decodeGpp(longest + "A", null)).isNull();
	}

	@Test
	void readsOnlyTheApplicableSections() {
		String gpp = ConsentStrings.gppWithTcfAndUsNat(purposes(1), OPTED_OUT, false);
		GppConsent all = this.decoder.decodeGpp(gpp, null);
		assertThat(all.tcfEuV2()).isNotNull();
		assertThat(all.usSections()).hasSize(1);
		GppConsent usOnly = this.decoder.decodeGpp(gpp, "7");
		assertThat(usOnly.tcfEuV2()).isNull();
		assertThat(usOnly.usSections()).hasSize(1);
		GppConsent tcfOnly = this.decoder.decodeGpp(gpp, "2");
		assertThat(tcfOnly.tcfEuV2()).isNotNull();
		assertThat(tcfOnly.usSections()).isEmpty();
		GppConsent none = this.decoder.decodeGpp(gpp, "-1");
		assertThat(none.tcfEuV2()).isNull();
		assertThat(none.usSections()).isEmpty();
		assertThat(this.decoder.decodeGpp(gpp, "2_7").usSections()).hasSize(1);
	}

	@Test
	void readsApplicableSectionIds() {
		assertThat(IabConsentStringDecoder.applicableSectionIds(null)).isNull();
		assertThat(IabConsentStringDecoder.applicableSectionIds("")).isNull();
		assertThat(IabConsentStringDecoder.applicableSectionIds("junk")).isNull();
		assertThat(IabConsentStringDecoder.applicableSectionIds("2,7")).isEqualTo(Set.of(2, 7));
		assertThat(IabConsentStringDecoder.applicableSectionIds("8_x_9")).isEqualTo(Set.of(8, 9));
		assertThat(IabConsentStringDecoder.applicableSectionIds("-1")).isEmpty();
		assertThat(IabConsentStringDecoder.applicableSectionIds("99999999999")).isNull();
		assertThat(IabConsentStringDecoder.applicableSectionIds("7,".repeat(200))).isNull();
	}

	@Test
	void answersNullForWhatIsNoGppString() {
		assertThat(this.decoder.decodeGpp("", null)).isNull();
		assertThat(this.decoder.decodeGpp("DBABMA~", null)).isNull();
		assertThat(this.decoder.decodeGpp("xyz", "7")).isNull();
		String valid = ConsentStrings.gppUsNat(OPTED_OUT, OPTED_OUT, true);
		assertThat(this.decoder.decodeGpp(valid.substring(0, valid.indexOf('~')), null)).isNull();
	}

	@Test
	void aStringListingTooManySectionsLogsNothing() {
		HeaderV1 header = new HeaderV1();
		header.setFieldValue(HeaderV1Field.SECTION_IDS, IntStream.rangeClosed(1, 9000).boxed().toList());
		String gpp = header.encode();
		List<LogRecord> records = new ArrayList<>();
		Handler recorder = new Handler() {

			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Logger logger = Logger.getLogger(FibonacciIntegerRangeEncoder.class.getName());
		logger.addHandler(recorder);
		try {
			// The library truncates the list at its bound; the many ids name no section it knows
			assertThat(this.decoder.decodeGpp(gpp, null)).isNotNull();
		}
		finally {
			logger.removeHandler(recorder);
		}
		assertThat(records).isEmpty();
	}

}
