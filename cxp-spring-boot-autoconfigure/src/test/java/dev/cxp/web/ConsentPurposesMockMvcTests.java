package dev.cxp.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentState;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The consent endpoint with several purposes, a policy revision and regions, through MockMvc.
 */
@SpringBootTest(classes = { TestSite.class, ConsentPurposesMockMvcTests.Events.class },
		properties = { "cxp.consent.purposes=analytics,ads,personalization", "cxp.consent.revision=3",
				"cxp.consent.denied-max-age=30d", "cxp.consent.region.header=CF-IPCountry",
				"cxp.consent.region.subdivision-header=CF-Region", "cxp.consent.regions.EEA.required=true",
				"cxp.consent.regions.US.honor-global-privacy-control=false",
				"cxp.consent.regions[US-CA].honor-global-privacy-control=true" })
@AutoConfigureMockMvc
class ConsentPurposesMockMvcTests {

	private static final String VISITOR = "fedcba9876543210fedcba9876543210";

	private static final String CONSENT_MAX_AGE = "Max-Age=15552000";

	private static final String REFUSAL_MAX_AGE = "Max-Age=2592000";

	@Autowired
	MockMvc mvc;

	@Autowired
	Events events;

	@BeforeEach
	void clearEvents() {
		this.events.received.clear();
	}

	private MockHttpServletResponse record(String body, Cookie... cookies) throws Exception {
		var request = put("/cxp/consent").contentType(MediaType.APPLICATION_JSON).content(body);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return this.mvc.perform(request.header("CF-IPCountry", "DE")).andReturn().getResponse();
	}

	private static String consentCookie(MockHttpServletResponse response) {
		return response.getHeaders("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("cxp_consent="))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void getAnswersEveryPurposeTheRevisionAndTheRegion() throws Exception {
		this.mvc.perform(get("/cxp/consent").header("CF-IPCountry", "FR")
			.cookie(new Cookie("cxp_consent", "1.3.ads:g")))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"state\":\"UNSPECIFIED\",\"source\":\"cookie\",\"effective\":false,"
					+ "\"required\":true,\"revision\":\"3\",\"purposes\":{\"analytics\":\"UNSPECIFIED\","
					+ "\"ads\":\"GRANTED\",\"personalization\":\"UNSPECIFIED\"},\"region\":\"FR\"}", true));
	}

	@Test
	void getAnswersTheRequiredInEffectForTheRegion() throws Exception {
		this.mvc.perform(get("/cxp/consent").header("CF-IPCountry", "US").header("CF-Region", "CA"))
			.andExpect(jsonPath("$.region").value("US-CA"))
			.andExpect(jsonPath("$.required").value(false))
			.andExpect(jsonPath("$.effective").value(true));
		this.mvc.perform(get("/cxp/consent").header("CF-IPCountry", "XX"))
			.andExpect(jsonPath("$.region").isEmpty())
			.andExpect(jsonPath("$.required").value(false));
		this.mvc.perform(get("/cxp/consent").header("CF-IPCountry", "US").header("Sec-GPC", "1"))
			.andExpect(jsonPath("$.state").value("UNSPECIFIED"));
		this.mvc.perform(get("/cxp/consent").header("CF-IPCountry", "US").header("CF-Region", "US-CA")
			.header("Sec-GPC", "1"))
			.andExpect(jsonPath("$.state").value("DENIED"))
			.andExpect(jsonPath("$.source").value("gpc"));
	}

	@Test
	void perPurposeChoiceIsRecordedAndPublished() throws Exception {
		MockHttpServletResponse response = record("{\"purposes\":{\"analytics\":\"granted\",\"ads\":\"denied\"}}");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(consentCookie(response)).startsWith("cxp_consent=1.3.analytics:g~ads:d;").contains(CONSENT_MAX_AGE);
		assertThat(response.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("_mspi="));
		assertThat(response.getContentAsString()).contains("\"purposes\":{\"analytics\":\"GRANTED\",\"ads\":\"DENIED\","
				+ "\"personalization\":\"UNSPECIFIED\"}", "\"region\":\"DE\"", "\"required\":true", "\"effective\":true");
		assertThat(this.events.received).singleElement().satisfies((event) -> {
			assertThat(event.newState()).isEqualTo(ConsentState.GRANTED);
			assertThat(event.purposes()).containsExactly(Map.entry("analytics", ConsentState.GRANTED),
					Map.entry("ads", ConsentState.DENIED), Map.entry("personalization", ConsentState.UNSPECIFIED));
			assertThat(event.revision()).isEqualTo("3");
			assertThat(event.region()).isEqualTo("DE");
		});
	}

	@Test
	void purposesNotNamedKeepTheirRecordedState() throws Exception {
		MockHttpServletResponse response = record("{\"purposes\":{\"personalization\":\"granted\"}}",
				new Cookie("cxp_consent", "1.3.analytics:g~ads:d"));
		assertThat(consentCookie(response)).startsWith("cxp_consent=1.3.analytics:g~ads:d~personalization:g;");
	}

	@Test
	void aGrantOfAnotherRevisionIsNotCarriedOverButADenialIs() throws Exception {
		MockHttpServletResponse response = record("{\"purposes\":{\"personalization\":\"denied\"}}",
				new Cookie("cxp_consent", "1.2.analytics:g~ads:d"));
		assertThat(consentCookie(response)).startsWith("cxp_consent=1.3.ads:d~personalization:d;")
			.contains(REFUSAL_MAX_AGE);
		assertThat(response.getContentAsString()).contains("\"state\":\"UNSPECIFIED\"", "\"effective\":false");
	}

	@Test
	void disagreeingCookiesAreCombinedBeforeAPartialChoice() throws Exception {
		MockHttpServletResponse response = record("{\"purposes\":{\"personalization\":\"granted\"}}",
				new Cookie("cxp_consent", "1.3.analytics:g~ads:g"), new Cookie("cxp_consent", "1.3.ads:d"));
		assertThat(consentCookie(response)).startsWith("cxp_consent=1.3.analytics:g~ads:d~personalization:g;");
	}

	@Test
	void aChoiceThatGrantsNothingIsKeptForTheRefusalMaxAge() throws Exception {
		assertThat(consentCookie(record("{\"consent\":\"denied\"}")))
			.startsWith("cxp_consent=1.3.analytics:d~ads:d~personalization:d;")
			.contains(REFUSAL_MAX_AGE);
		assertThat(consentCookie(record("{\"purposes\":{\"ads\":\"denied\"}}"))).contains(REFUSAL_MAX_AGE);
		assertThat(consentCookie(record("{\"purposes\":{\"analytics\":\"denied\",\"ads\":\"granted\"}}")))
			.contains(CONSENT_MAX_AGE);
		assertThat(consentCookie(record("{\"consent\":\"granted\"}")))
			.startsWith("cxp_consent=1.3.analytics:g~ads:g~personalization:g;")
			.contains(CONSENT_MAX_AGE);
		MockHttpServletResponse withdrawal = this.mvc.perform(delete("/cxp/consent")).andReturn().getResponse();
		assertThat(consentCookie(withdrawal)).contains(REFUSAL_MAX_AGE);
	}

	@Test
	void denyingTheTrackingPurposeErasesTheVisitor() throws Exception {
		MockHttpServletResponse response = record("{\"purposes\":{\"analytics\":\"denied\",\"ads\":\"granted\"}}",
				new Cookie("_mspi", VISITOR));
		assertThat(response.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("_mspi=;"));
		assertThat(this.events.received).singleElement().satisfies((event) -> {
			assertThat(event.visitorId()).isEqualTo(VISITOR);
			assertThat(event.newState()).isEqualTo(ConsentState.DENIED);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"purposes\":{\"marketing\":\"granted\"}}", "{\"purposes\":{}}",
			"{\"purposes\":[\"analytics\"]}", "{\"purposes\":{\"ads\":true}}", "{\"purposes\":{\"ads\":\"maybe\"}}",
			"{\"purposes\":{\"ads\":null}}", "{\"consent\":\"granted\",\"purposes\":{\"ads\":\"denied\"}}",
			"{\"purposes\":{\"ads\":\"granted\",\"ads\":\"denied\"}}", "{\"purposes\":\"granted\"}",
			"{\"purposes\":{\"Ads\":\"granted\"}}" })
	void badPerPurposeChoicesAreRefusedWithoutEchoOrCookie(String body) throws Exception {
		MockHttpServletResponse response = record(body);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(response.getContentAsString()).doesNotContain("marketing").doesNotContain("maybe")
			.doesNotContain("Ads");
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void theVisitorCarriesTheRegionAndAnswersPerPurpose() throws Exception {
		this.mvc.perform(get("/api/visitor").header("CF-IPCountry", "US").header("CF-Region", "ca")
			.cookie(new Cookie("cxp_consent", "1.3.analytics:g~ads:d")))
			.andExpect(jsonPath("$.region").value("US-CA"))
			.andExpect(jsonPath("$.consent.state").value("GRANTED"))
			.andExpect(jsonPath("$.visitorId").isString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Events {

		final List<ConsentChangedEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ConsentChangedEvent event) {
			this.received.add(event);
		}

		@Bean
		String consentEventsMarker() {
			return "events";
		}

	}

}
