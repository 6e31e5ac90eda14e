package dev.cxp.hostile;

import dev.cxp.support.BitWriter;

/**
 * Writes TC strings bit by bit, as the TCF v2 "TC string format" lays them out, so that a test can declare what
 * no CMP would: hundreds of publisher restrictions and vendor ranges over every id.
 */
final class CraftedConsentStrings {

	private final BitWriter bits = new BitWriter();

	/**
	 * A TC string of 3.9 KB: every purpose consented, no vendors, and 440 publisher restrictions each over
	 * vendors 1 to 8192, which a decoder that expands ranges turns into 3.6 million ids.
	 * @param cmpVersion the CMP version, to make strings that differ in one field only
	 */
	static String publisherRestrictions(int cmpVersion) {
		CraftedConsentStrings string = new CraftedConsentStrings().core(cmpVersion);
		string.bitField(0).bitField(0);
		string.write(440, 12);
		for (int i = 0; i < 440; i++) {
			string.write(1 + i % 24, 6).write(i % 3, 2).ranges(1, 1, 8192);
		}
		return string.toBase64Url();
	}

	/**
	 * A TC string of 4 KB whose vendor consent and legitimate interest sections are each 360 ranges over every
	 * vendor id, 1 to 65535.
	 * @param cmpVersion the CMP version, to make strings that differ in one field only
	 */
	static String vendorRanges(int cmpVersion) {
		CraftedConsentStrings string = new CraftedConsentStrings().core(cmpVersion);
		for (int section = 0; section < 2; section++) {
			string.write(65535, 16).write(1, 1).ranges(360, 1, 65535);
		}
		string.write(0, 12);
		return string.toBase64Url();
	}

	private CraftedConsentStrings core(int cmpVersion) {
		write(2, 6); // Version
		write(17_000_000_000L, 36).write(17_000_000_000L, 36); // Created, LastUpdated (deciseconds)
		write(10, 12).write(cmpVersion, 12); // CmpId, CmpVersion
		write(1, 6).write(4 * 64 + 13, 12).write(80, 12); // ConsentScreen, ConsentLanguage (EN), VendorListVersion
		write(4, 6).write(1, 1).write(0, 1); // TcfPolicyVersion, IsServiceSpecific, UseNonStandardStacks
		write(0, 12); // SpecialFeatureOptIns
		write((1L << 24) - 1, 24).write(0, 24); // PurposesConsent: all 24; PurposesLITransparency
		write(0, 1).write(3 * 64 + 4, 12); // PurposeOneTreatment, PublisherCC (DE)
		return this;
	}

	private CraftedConsentStrings bitField(int maxVendorId) {
		return write(maxVendorId, 16).write(0, 1);
	}

	private CraftedConsentStrings ranges(int entries, int first, int last) {
		write(entries, 12);
		for (int i = 0; i < entries; i++) {
			write(1, 1).write(first, 16).write(last, 16);
		}
		return this;
	}

	private CraftedConsentStrings write(long value, int width) {
		this.bits.write(value, width);
		return this;
	}

	private String toBase64Url() {
		return this.bits.toBase64Url();
	}

}
