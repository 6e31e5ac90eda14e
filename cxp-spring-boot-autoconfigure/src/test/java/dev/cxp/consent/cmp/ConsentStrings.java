package dev.cxp.consent.cmp;

import java.util.ArrayList;
import java.util.List;

import com.iab.gpp.encoder.GppModel;
import com.iab.gpp.encoder.field.TcfEuV2Field;
import com.iab.gpp.encoder.field.UsCaField;
import com.iab.gpp.encoder.field.UsNatField;
import com.iab.gpp.encoder.section.TcfEuV2;
import com.iab.gpp.encoder.section.UsCa;
import com.iab.gpp.encoder.section.UsNat;

/**
 * Builds real consent strings with the IAB library's own encoder, as a CMP would write them.
 */
public final class ConsentStrings {

	/** A CMP id, as registered CMPs have. */
	public static final int CMP_ID = 10;

	/** TCF v2.2. */
	public static final int POLICY_VERSION = 4;

	/** US opt-out field values. */
	public static final int OPTED_OUT = 1;

	public static final int DID_NOT_OPT_OUT = 2;

	private ConsentStrings() {
	}

	/** A TC string with consent to every TCF purpose. */
	public static String allPurposes() {
		return tcf(POLICY_VERSION, CMP_ID, purposes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), null);
	}

	/** A TC string with consent to every TCF purpose but purpose 1. */
	public static String purposeOneRefused() {
		return tcf(POLICY_VERSION, CMP_ID, purposes(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), null);
	}

	/**
	 * A TC string.
	 * @param policyVersion the TCF policy version
	 * @param cmpId the CMP id
	 * @param core the core purpose consents
	 * @param publisher the publisher segment's purpose consents, or {@code null} for a string without that
	 * segment
	 */
	public static String tcf(int policyVersion, int cmpId, List<Boolean> core, List<Boolean> publisher) {
		TcfEuV2 section = new TcfEuV2();
		fillTcf(section, policyVersion, cmpId, core, publisher);
		return section.encode();
	}

	/** Consent bits for the given TCF purpose ids. */
	public static List<Boolean> purposes(int... ids) {
		List<Boolean> bits = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			bits.add(false);
		}
		for (int id : ids) {
			bits.set(id - 1, true);
		}
		return bits;
	}

	/** A GPP string with only a TCF EU v2 section. */
	public static String gppWithTcf(int policyVersion, List<Boolean> core) {
		GppModel model = new GppModel();
		setTcf(model, policyVersion, CMP_ID, core);
		return model.encode();
	}

	/**
	 * A GPP string with a usnat section.
	 * @param saleOptOut the sale opt-out value (1 opted out, 2 did not)
	 * @param targetedAdvertisingOptOut the targeted-advertising opt-out value
	 * @param gpc the GPC flag
	 */
	public static String gppUsNat(int saleOptOut, int targetedAdvertisingOptOut, boolean gpc) {
		GppModel model = new GppModel();
		model.setFieldValue(UsNat.NAME, UsNatField.SALE_OPT_OUT_NOTICE, 1);
		model.setFieldValue(UsNat.NAME, UsNatField.SALE_OPT_OUT, saleOptOut);
		model.setFieldValue(UsNat.NAME, UsNatField.SHARING_OPT_OUT, DID_NOT_OPT_OUT);
		model.setFieldValue(UsNat.NAME, UsNatField.TARGETED_ADVERTISING_OPT_OUT, targetedAdvertisingOptOut);
		model.setFieldValue(UsNat.NAME, UsNatField.GPC, gpc);
		return model.encode();
	}

	/** A GPP string with a California section. */
	public static String gppCalifornia(int saleOptOut, int sharingOptOut, boolean gpc) {
		GppModel model = new GppModel();
		model.setFieldValue(UsCa.NAME, UsCaField.SALE_OPT_OUT_NOTICE, 1);
		model.setFieldValue(UsCa.NAME, UsCaField.SALE_OPT_OUT, saleOptOut);
		model.setFieldValue(UsCa.NAME, UsCaField.SHARING_OPT_OUT, sharingOptOut);
		model.setFieldValue(UsCa.NAME, UsCaField.GPC, gpc);
		return model.encode();
	}

	/** A GPP string with a TCF EU v2 section granting the given purposes and a usnat section. */
	public static String gppWithTcfAndUsNat(List<Boolean> core, int saleOptOut, boolean gpc) {
		GppModel model = new GppModel();
		setTcf(model, POLICY_VERSION, CMP_ID, core);
		model.setFieldValue(UsNat.NAME, UsNatField.SALE_OPT_OUT, saleOptOut);
		model.setFieldValue(UsNat.NAME, UsNatField.GPC, gpc);
		return model.encode();
	}

	private static void setTcf(GppModel model, int policyVersion, int cmpId, List<Boolean> core) {
		model.setFieldValue(TcfEuV2.NAME, TcfEuV2Field.CMP_ID, cmpId);
		model.setFieldValue(TcfEuV2.NAME, TcfEuV2Field.POLICY_VERSION, policyVersion);
		model.setFieldValue(TcfEuV2.NAME, TcfEuV2Field.PURPOSE_CONSENTS, core);
	}

	private static void fillTcf(TcfEuV2 section, int policyVersion, int cmpId, List<Boolean> core,
			List<Boolean> publisher) {
		section.setFieldValue(TcfEuV2Field.CMP_ID, cmpId);
		section.setFieldValue(TcfEuV2Field.CMP_VERSION, 1);
		section.setFieldValue(TcfEuV2Field.POLICY_VERSION, policyVersion);
		section.setFieldValue(TcfEuV2Field.PURPOSE_CONSENTS, core);
		// Encoders write the publisher segment into service-specific strings only
		section.setFieldValue(TcfEuV2Field.IS_SERVICE_SPECIFIC, publisher != null);
		if (publisher != null) {
			section.setFieldValue(TcfEuV2Field.PUBLISHER_CONSENTS, publisher);
		}
	}

}
