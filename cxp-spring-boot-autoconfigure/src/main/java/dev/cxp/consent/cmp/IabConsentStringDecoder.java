package dev.cxp.consent.cmp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.iab.gpp.encoder.GppModel;
import com.iab.gpp.encoder.datatype.encoder.FibonacciIntegerRangeEncoder;
import com.iab.gpp.encoder.datatype.encoder.FixedIntegerRangeEncoder;
import com.iab.gpp.encoder.section.EncodableSection;
import com.iab.gpp.encoder.section.TcfEuV2;
import com.iab.gpp.encoder.section.UspV1;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ConsentStringDecoder} on the IAB's own library, {@code com.iabgpp:iabgpp-encoder} 3.x. The only
 * class of the starter that sees the library's types.
 * <p>
 * The library decodes lazily: a value is decoded when a field is first read, so every field this class
 * answers is read inside the {@code try}, and any failure of the library on hostile input becomes
 * {@code null}. Its exceptions quote the input, so they are neither logged nor passed on. The library also
 * logs a warning (through {@code java.util.logging}) for every string whose ranges list too many ids: one log
 * line per crafted request, about the sender's input rather than the application. Those two loggers are
 * lowered to {@code SEVERE} when this class is loaded; the library still truncates such ranges.
 *
 * @since 0.2.0
 */
public final class IabConsentStringDecoder implements ConsentStringDecoder {

	/**
	 * Held, since {@code java.util.logging} keeps loggers only weakly and would forget the level.
	 */
	private static final List<Logger> QUIETED = quiet(FibonacciIntegerRangeEncoder.class,
			FixedIntegerRangeEncoder.class);

	private static final int TCF_VERSION = 2;

	private static final String SALE_OPT_OUT = "SaleOptOut";

	private static final String SHARING_OPT_OUT = "SharingOptOut";

	private static final String TARGETED_ADVERTISING_OPT_OUT = "TargetedAdvertisingOptOut";

	private static final String GPC = "Gpc";

	/** The value of a US opt-out field that means "opted out" (0: not applicable, 2: did not opt out). */
	private static final int OPTED_OUT = 1;

	/** Applicable section ids: more than GPP defines, fewer than a hostile cookie could list. */
	private static final int MAX_SID_LENGTH = 256;

	@Override
	public @Nullable TcfConsent decodeTcf(String tcString) {
		try {
			return readTcf(new TcfEuV2(tcString), tcString);
		}
		catch (RuntimeException ex) {
			return null;
		}
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

	private static TcfConsent readTcf(TcfEuV2 section, String encoded) {
		// The library leaves fields it found no segment for at their defaults: insist on a core segment.
		if (encoded.isEmpty() || !isCoreSegment(encoded.charAt(0))) {
			throw new IllegalArgumentException("No core segment");
		}
		if (section.getFieldValue("Version") instanceof Integer version && version != TCF_VERSION) {
			throw new IllegalArgumentException("Not TCF v2");
		}
		int policyVersion = section.getPolicyVersion();
		int cmpId = section.getCmpId();
		Set<Integer> core = ids(section.getPurposeConsents());
		Set<Integer> publisher = hasPublisherSegment(encoded) ? ids(section.getPublisherConsents()) : null;
		return new TcfConsent(policyVersion, cmpId, core, publisher);
	}

	private static GppConsent readGpp(String gppString, @Nullable String applicableSectionIds) {
		if (gppString.isEmpty()) {
			// The library reads nothing as an empty model, but no cookie value is no string
			throw new IllegalArgumentException("Empty");
		}
		GppModel model = new GppModel(gppString);
		Set<Integer> applicable = applicableSectionIds(applicableSectionIds);
		TcfConsent tcf = null;
		List<GppConsent.UsSection> us = new ArrayList<>();
		for (int id : model.getSectionIds()) {
			if (applicable != null && !applicable.contains(id)) {
				continue;
			}
			EncodableSection section = model.getSection(id);
			if (id == TcfEuV2.ID && section instanceof TcfEuV2 tcfSection) {
				// Not changed since decoding, so encode() answers the section as it came
				tcf = readTcf(tcfSection, tcfSection.encode());
			}
			else if (section != null && id != UspV1.ID && section.getName().startsWith("us")) {
				us.add(readUs(id, section));
			}
		}
		return new GppConsent(tcf, us);
	}

	private static GppConsent.UsSection readUs(int id, EncodableSection section) {
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
		if (value == null || value.isBlank() || value.length() > MAX_SID_LENGTH) {
			return null;
		}
		Set<Integer> ids = new HashSet<>();
		boolean none = false;
		for (String token : value.split("[,_ ]")) {
			if (token.equals("-1")) {
				none = true;
			}
			else if (!token.isEmpty() && token.length() <= 3 && token.chars().allMatch(Character::isDigit)) {
				ids.add(Integer.parseInt(token));
			}
		}
		if (none) {
			return Set.of();
		}
		return ids.isEmpty() ? null : ids;
	}

	private static List<Logger> quiet(Class<?>... sources) {
		List<Logger> loggers = new ArrayList<>();
		for (Class<?> source : sources) {
			Logger logger = Logger.getLogger(source.getName());
			logger.setLevel(Level.SEVERE);
			loggers.add(logger);
		}
		return List.copyOf(loggers);
	}

	private static Set<Integer> ids(@Nullable List<Boolean> consents) {
		Set<Integer> ids = new HashSet<>();
		if (consents != null) {
			for (int i = 0; i < consents.size(); i++) {
				if (Boolean.TRUE.equals(consents.get(i))) {
					ids.add(i + 1);
				}
			}
		}
		return ids;
	}

	// The first six bits of a core segment are the version (0..7), so its first character is A to H.
	private static boolean isCoreSegment(char first) {
		return first >= 'A' && first <= 'H';
	}

	// A publisher TC segment has segment type 3: its first character is Y, Z or a to f.
	private static boolean hasPublisherSegment(String encoded) {
		int dot = encoded.indexOf('.');
		while (dot >= 0 && dot + 1 < encoded.length()) {
			char first = encoded.charAt(dot + 1);
			if (first == 'Y' || first == 'Z' || (first >= 'a' && first <= 'f')) {
				return true;
			}
			dot = encoded.indexOf('.', dot + 1);
		}
		return false;
	}

}
