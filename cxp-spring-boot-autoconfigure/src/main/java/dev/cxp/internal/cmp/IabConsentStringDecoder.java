package dev.cxp.internal.cmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.iab.gpp.encoder.GppModel;
import com.iab.gpp.encoder.section.EncodableSection;
import com.iab.gpp.encoder.section.Sections;
import com.iab.gpp.encoder.section.UspV1;
import org.jspecify.annotations.Nullable;

import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.consent.cmp.GppConsent;
import dev.cxp.consent.cmp.TcfConsent;

/**
 * The {@link ConsentStringDecoder} of the starter, on the IAB's own library, {@code com.iabgpp:iabgpp-encoder}
 * 3.x, for what only it knows: the US sections of a GPP string. The only class of the starter that sees the
 * library's types.
 * <p>
 * No string costs more to read than its length allows, whatever it declares. The library decodes a range of
 * ids by materialising every id, so a crafted string of a few kilobytes can make it allocate hundreds of
 * megabytes; so TC strings, the TCF EU v2 section of a GPP string and the GPP header are read by the starter's
 * own readers, which read fixed fields in place and never expand a range (see {@link TcStringReader} and
 * {@link GppSections}). The library only decodes US sections, whose fields are all of fixed width, and only
 * those no longer than {@value #MAX_US_SECTION_LENGTH} characters (a real one has about 15), since its base64
 * decoding costs the square of the length.
 * <p>
 * The library decodes lazily: a value is decoded when a field is first read, so every field this class answers
 * is read inside the {@code try}, and any failure of the library on hostile input becomes {@code null}. Its
 * exceptions quote the input, so they are neither logged nor passed on.
 *
 * @since 0.2.0
 */
public final class IabConsentStringDecoder implements ConsentStringDecoder {

	/**
	 * Longest US section handed to the library: four times the longest it encodes today.
	 */
	static final int MAX_US_SECTION_LENGTH = 64;

	private static final String SALE_OPT_OUT = "SaleOptOut";

	private static final String SHARING_OPT_OUT = "SharingOptOut";

	private static final String TARGETED_ADVERTISING_OPT_OUT = "TargetedAdvertisingOptOut";

	private static final String GPC = "Gpc";

	/** The value of a US opt-out field that means "opted out" (0: not applicable, 2: did not opt out). */
	private static final int OPTED_OUT = 1;

	@Override
	public @Nullable TcfConsent decodeTcf(String tcString) {
		return TcStringReader.read(tcString);
	}

	@Override
	public @Nullable GppConsent decodeGpp(String gppString, @Nullable String applicableSectionIds) {
		try {
			return readGpp(gppString, applicableSectionIds);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable GppConsent readGpp(String gppString, @Nullable String applicableSectionIds) {
		GppSections sections = GppSections.of(gppString);
		if (sections == null) {
			return null;
		}
		Set<Integer> applicable = applicableSectionIds(applicableSectionIds);
		TcfConsent tcf = null;
		List<GppConsent.UsSection> us = new ArrayList<>();
		for (int i = 0; i < sections.size(); i++) {
			int id = sections.id(i);
			if (applicable != null && !applicable.contains(id)) {
				continue;
			}
			if (id == GppSections.TCF_EU_V2) {
				tcf = TcStringReader.read(gppString, sections.start(i), sections.end(i));
				if (tcf == null) {
					return null;
				}
			}
			else if (isUsSection(id)) {
				if (sections.end(i) - sections.start(i) > MAX_US_SECTION_LENGTH) {
					return null;
				}
				us.add(readUs(id, gppString.substring(sections.start(i), sections.end(i))));
			}
		}
		return new GppConsent(tcf, us);
	}

	// The national and state sections (usnat, usca, ...), not the older US Privacy string (uspv1)
	private static boolean isUsSection(int id) {
		String name = Sections.SECTION_ID_NAME_MAP.get(id);
		return name != null && id != UspV1.ID && name.startsWith("us");
	}

	private static GppConsent.UsSection readUs(int id, String encoded) {
		GppModel model = new GppModel();
		model.decodeSection(id, encoded);
		EncodableSection section = model.getSection(id);
		boolean sale = optedOut(section, SALE_OPT_OUT);
		boolean sharing = optedOut(section, SHARING_OPT_OUT);
		boolean targeted = optedOut(section, TARGETED_ADVERTISING_OPT_OUT);
		boolean gpc = section.hasField(GPC) && Boolean.TRUE.equals(section.getFieldValue(GPC));
		return new GppConsent.UsSection(id, sale, sharing, targeted, gpc);
	}

	private static boolean optedOut(EncodableSection section, String field) {
		return section.hasField(field) && section.getFieldValue(field) instanceof Integer value && value == OPTED_OUT;
	}

	/**
	 * The section ids named by a {@code __gpp_sid} value, {@code null} to read every section, or an empty set
	 * for {@code -1} (no section applies).
	 */
	static @Nullable Set<Integer> applicableSectionIds(@Nullable String value) {
		return ApplicableSectionIds.parse(value);
	}

}
