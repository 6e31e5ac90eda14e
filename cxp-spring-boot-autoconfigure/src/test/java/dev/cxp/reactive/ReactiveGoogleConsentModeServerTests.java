package dev.cxp.reactive;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cxp.visitor.CxpVisitor;

/**
 * Google Consent Mode v2 (SPEC S14.4) on WebFlux, over a real Netty server, as on Spring MVC: the consent
 * endpoint's answers carry {@code googleConsentMode}, each type from the effective state of its purpose, and each
 * page request carries the same signals for its template as the exchange attribute
 * {@value CxpVisitor#GOOGLE_CONSENT_MODE_ATTRIBUTE}. Consent is required in the EEA only.
 */
@SpringBootTest(classes = ReactiveTestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"cxp.consent.purposes=analytics,ads,personalization", "cxp.consent.region.header=CF-IPCountry",
				"cxp.consent.regions.EEA.required=true", "cxp.consent.google-consent-mode.enabled=true",
				"cxp.consent.google-consent-mode.types.ad_personalization=personalization" })
class ReactiveGoogleConsentModeServerTests {

	@LocalServerPort
	int port;

	@Test
	void getAnswersEachTypeFromTheEffectiveStateOfItsPurpose() {
		client().get().uri("/cxp/consent").header("CF-IPCountry", "DE").cookie("cxp_consent", "1.1.analytics:g~ads:d")
			.exchange().expectStatus().isOk().expectBody()
			.json("{\"googleConsentMode\":{\"analytics_storage\":\"granted\",\"ad_storage\":\"denied\","
					+ "\"ad_user_data\":\"denied\",\"ad_personalization\":\"denied\"}}");
	}

	@Test
	void anUnspecifiedPurposeIsGrantedWhereConsentIsNotRequired() {
		client().get().uri("/cxp/consent").header("CF-IPCountry", "US").cookie("cxp_consent", "1.1.ads:d")
			.exchange().expectStatus().isOk().expectBody()
			.json("{\"googleConsentMode\":{\"analytics_storage\":\"granted\",\"ad_storage\":\"denied\","
					+ "\"ad_user_data\":\"denied\",\"ad_personalization\":\"granted\"}}");
	}

	@Test
	void aRecordedChoiceIsAnsweredWithItsSignals() {
		client().put().uri("/cxp/consent").header("CF-IPCountry", "FR").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"purposes\":{\"ads\":\"granted\",\"personalization\":\"granted\"}}").exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.googleConsentMode.analytics_storage").isEqualTo("denied")
			.jsonPath("$.googleConsentMode.ad_storage").isEqualTo("granted")
			.jsonPath("$.googleConsentMode.ad_user_data").isEqualTo("granted")
			.jsonPath("$.googleConsentMode.ad_personalization").isEqualTo("granted");
	}

	@Test
	void aPageRequestCarriesTheSignalsForItsTemplate() {
		client().get().uri("/consent-mode").header("Accept", "text/html").header("CF-IPCountry", "DE")
			.cookie("cxp_consent", "1.1.analytics:g").exchange().expectStatus().isOk().expectBody(String.class)
			.isEqualTo("{\"analytics_storage\":\"granted\",\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\","
					+ "\"ad_personalization\":\"denied\"}");
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

}
