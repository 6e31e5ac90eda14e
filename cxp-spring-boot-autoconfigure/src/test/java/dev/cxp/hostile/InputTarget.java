package dev.cxp.hostile;

/**
 * Where a hostile value is put in a request.
 */
enum InputTarget {

	VISITOR_COOKIE("_mspi", true), CONSENT_COOKIE("cxp_consent", true), CONSENT_HEADER("X-CXP-Consent", false),
	GPC_HEADER("Sec-GPC", false), ORIGIN_HEADER("Origin", false), FETCH_SITE_HEADER("Sec-Fetch-Site", false),
	FETCH_DEST_HEADER("Sec-Fetch-Dest", false), FETCH_MODE_HEADER("Sec-Fetch-Mode", false), URL(null, false);

	final String name;

	final boolean cookie;

	InputTarget(String name, boolean cookie) {
		this.name = name;
		this.cookie = cookie;
	}

}
