package dev.cxp.internal.cmp;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentState;
import dev.cxp.consent.cmp.ConsentStrings;
import dev.cxp.internal.consent.ConsentPurposes;
import dev.cxp.internal.consent.ConsentRegions;
import dev.cxp.internal.web.servlet.ServletConsentRequest;

import static dev.cxp.consent.cmp.ConsentStrings.DID_NOT_OPT_OUT;
import static dev.cxp.consent.cmp.ConsentStrings.purposes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link GppConsentSource}: the states of the GPP string, and a GPC flag in it counting as
 * {@code Sec-GPC: 1} only where Global Privacy Control is honoured.
 */
class GppConsentSourceTests {

	private static final GppSettings GPP = new GppSettings("__gpp", "__gpp_sid", List.of());

	private static final ConsentPurposes PURPOSES = ConsentPurposes.of(List.of("analytics", "ads"), "analytics");

	private final CmpConsentReader reader = new CmpConsentReader(new IabConsentStringDecoder(),
			new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1)), false), GPP);

	// Analytics granted by the TCF section, and the usnat section's GPC flag
	private final String grantedWithGpc = ConsentStrings.gppWithTcfAndUsNat(purposes(1), DID_NOT_OPT_OUT, true);

	@Test
	void aHonouredGpcFlagDeniesEveryPurposeTheStringLeavesOpen() {
		GppConsentSource source = source(ConsentRegions.global(false, true));
		assertThat(source.states(request("__gpp", this.grantedWithGpc))).containsExactly(
				entry("analytics", ConsentState.GRANTED), entry("ads", ConsentState.DENIED));
	}

	@Test
	void aGpcFlagWhereGpcIsNotHonouredLeavesTheStringsStates() {
		GppConsentSource source = source(ConsentRegions.global(false, false));
		assertThat(source.states(request("__gpp", this.grantedWithGpc)))
			.containsExactly(entry("analytics", ConsentState.GRANTED));
	}

	@Test
	void withoutAGpcFlagTheStringsStatesAreTheSources() {
		GppConsentSource source = source(ConsentRegions.global(false, true));
		String granted = ConsentStrings.gppWithTcfAndUsNat(purposes(1), DID_NOT_OPT_OUT, false);
		assertThat(source.states(request("__gpp", granted))).containsExactly(entry("analytics", ConsentState.GRANTED));
	}

	@Test
	void noReadableStringSaysNothing() {
		GppConsentSource source = source(ConsentRegions.global(false, true));
		assertThat(source.states(request())).isEmpty();
		assertThat(source.states(request("__gpp", "junk"))).isEmpty();
		assertThat(source.name()).isEqualTo("gpp");
	}

	private GppConsentSource source(ConsentRegions regions) {
		return new GppConsentSource(this.reader, GPP, PURPOSES, regions);
	}

	private static ConsentRequest request(String... namesAndValues) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		Cookie[] cookies = CmpConsentReaderTests.cookies(namesAndValues);
		if (cookies.length > 0) {
			request.setCookies(cookies);
		}
		return ServletConsentRequest.of(request);
	}

}
