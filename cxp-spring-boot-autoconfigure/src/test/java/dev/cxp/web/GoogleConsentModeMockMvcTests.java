package dev.cxp.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.cxp.testsite.TestSite;
import dev.cxp.visitor.CxpVisitor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Google Consent Mode v2 on the server (SPEC S14.4): the consent endpoint's answers carry
 * {@code googleConsentMode}, each type from the effective state of its purpose, and every page request carries the
 * same signals for its template. Here {@code ad_personalization} is mapped to {@code personalization}, and consent
 * is required in the EEA only.
 */
@SpringBootTest(classes = TestSite.class,
		properties = { "cxp.consent.purposes=analytics,ads,personalization", "cxp.consent.region.header=CF-IPCountry",
				"cxp.consent.regions.EEA.required=true", "cxp.consent.google-consent-mode.enabled=true",
				"cxp.consent.google-consent-mode.types.ad_personalization=personalization" })
@AutoConfigureMockMvc
class GoogleConsentModeMockMvcTests {

	@Autowired
	MockMvc mvc;

	@Test
	void getAnswersEachTypeFromTheEffectiveStateOfItsPurpose() throws Exception {
		this.mvc.perform(get("/cxp/consent").header("CF-IPCountry", "DE")
			.cookie(new Cookie("cxp_consent", "1.1.analytics:g~ads:d")))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"googleConsentMode\":{\"analytics_storage\":\"granted\","
					+ "\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\",\"ad_personalization\":\"denied\"}}"));
	}

	@Test
	void anUnspecifiedPurposeIsGrantedWhereConsentIsNotRequired() throws Exception {
		this.mvc.perform(get("/cxp/consent").header("CF-IPCountry", "US")
			.cookie(new Cookie("cxp_consent", "1.1.ads:d")))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"googleConsentMode\":{\"analytics_storage\":\"granted\","
					+ "\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\",\"ad_personalization\":\"granted\"}}"));
	}

	@Test
	void aRecordedChoiceIsAnsweredWithItsSignals() throws Exception {
		this.mvc.perform(put("/cxp/consent").header("CF-IPCountry", "FR")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"purposes\":{\"ads\":\"granted\",\"personalization\":\"granted\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.googleConsentMode.analytics_storage").value("denied"))
			.andExpect(jsonPath("$.googleConsentMode.ad_storage").value("granted"))
			.andExpect(jsonPath("$.googleConsentMode.ad_user_data").value("granted"))
			.andExpect(jsonPath("$.googleConsentMode.ad_personalization").value("granted"));
	}

	@Test
	void aPageRequestCarriesTheSignalsForItsTemplate() throws Exception {
		this.mvc.perform(get("/about").header("CF-IPCountry", "DE").cookie(new Cookie("cxp_consent", "1.1.analytics:g")))
			.andExpect(status().isOk())
			.andExpect(request().attribute(CxpVisitor.GOOGLE_CONSENT_MODE_ATTRIBUTE,
					"{\"analytics_storage\":\"granted\",\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\","
							+ "\"ad_personalization\":\"denied\"}"));
	}

	@Test
	void aRequestTheStarterDoesNotTrackCarriesNoSignals() throws Exception {
		this.mvc.perform(get("/cxp/visitor").header("CF-IPCountry", "DE"))
			.andExpect(status().isOk())
			.andExpect(request().attribute(CxpVisitor.GOOGLE_CONSENT_MODE_ATTRIBUTE, (Object) null));
	}

}
