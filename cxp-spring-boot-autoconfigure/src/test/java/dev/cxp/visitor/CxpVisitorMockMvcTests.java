package dev.cxp.visitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.cxp.consent.ConsentState;
import dev.cxp.session.PageViewEvent;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request path through MockMvc: the {@link CxpVisitor} argument and attribute, page-view classification
 * and page-view events.
 */
@SpringBootTest(classes = { TestSite.class, CxpVisitorMockMvcTests.Events.class },
		properties = { "cxp.tracking.exclude-patterns=/private/**",
				"management.endpoints.web.exposure.include=health" })
@AutoConfigureMockMvc
class CxpVisitorMockMvcTests {

	private static final String VISITOR = "fedcba9876543210fedcba9876543210";

	@Autowired
	MockMvc mvc;

	@Autowired
	Events events;

	@BeforeEach
	void clearEvents() {
		this.events.received.clear();
	}

	@Test
	void pageViewPublishesAnEventWithEveryField() throws Exception {
		this.mvc.perform(get("/").accept("text/html").cookie(new Cookie("_mspi", VISITOR))).andExpect(status().isOk());
		this.mvc.perform(get("/about").queryParam("email", "a@b.c").header("Sec-Fetch-Dest", "document")
			.cookie(new Cookie("_mspi", VISITOR)))
			.andExpect(status().isOk());
		assertThat(this.events.received).hasSize(2);
		PageViewEvent first = this.events.received.get(0);
		PageViewEvent second = this.events.received.get(1);
		assertThat(first.visitorId()).isEqualTo(VISITOR);
		assertThat(first.page()).isEqualTo("/");
		assertThat(first.sessionId()).matches("[A-Za-z0-9_-]{22}");
		assertThat(second.visitorId()).isEqualTo(VISITOR);
		assertThat(second.sessionId()).isEqualTo(first.sessionId());
		assertThat(second.page()).isEqualTo("/about");
		assertThat(second.previousPage()).isEqualTo("/");
		assertThat(second.newSession()).isFalse();
		assertThat(second.timestamp()).isAfterOrEqualTo(first.timestamp());
	}

	@Test
	void nothingIsPublishedWithoutConsent() throws Exception {
		this.mvc.perform(get("/").accept("text/html").header("Sec-GPC", "1")).andExpect(status().isOk());
		this.mvc.perform(get("/").accept("text/html").cookie(new Cookie("cxp_consent", "denied"),
				new Cookie("_mspi", VISITOR)));
		this.mvc.perform(get("/").accept("text/html").header("X-CXP-Consent", "0"));
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void nothingIsPublishedForAFetchCall() throws Exception {
		this.mvc.perform(get("/api/visitor").header("Sec-Fetch-Dest", "empty").accept("application/json")
			.cookie(new Cookie("_mspi", VISITOR))).andExpect(status().isOk());
		this.mvc.perform(get("/").header("Sec-Fetch-Dest", "empty").accept("text/html")
			.cookie(new Cookie("_mspi", VISITOR))).andExpect(status().isOk());
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void nothingIsPublishedForExcludedStaticActuatorOrErrorRequests() throws Exception {
		this.mvc.perform(get("/private/page").accept("text/html")).andExpect(status().isOk());
		this.mvc.perform(get("/site.css").accept("text/html")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health").accept("text/html"));
		this.mvc.perform(get("/error").accept("text/html"));
		this.mvc.perform(get("/missing").accept("text/html")).andExpect(status().isNotFound());
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void actuatorAndStaticResponsesCarryNoCookie() throws Exception {
		MockHttpServletResponse health = this.mvc.perform(get("/actuator/health").accept("text/html"))
			.andReturn()
			.getResponse();
		MockHttpServletResponse css = this.mvc.perform(get("/site.css")).andReturn().getResponse();
		assertThat(health.getHeaders("Set-Cookie")).isEmpty();
		assertThat(css.getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void visitorIsAnArgumentAndARequestAttribute() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/visitor").cookie(new Cookie("_mspi", VISITOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.visitorId").value(VISITOR))
			.andExpect(jsonPath("$.consent.state").value("UNSPECIFIED"))
			.andExpect(jsonPath("$.consent.source").value("none"))
			.andExpect(jsonPath("$.consent.effective").value(true))
			.andReturn();
		CxpVisitor attribute = (CxpVisitor) result.getRequest().getAttribute(CxpVisitor.class.getName());
		assertThat(attribute.visitorId()).isEqualTo(VISITOR);
		assertThat(attribute.consent().state()).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void withoutConsentTheVisitorHasNoIdAndNoSession() throws Exception {
		this.mvc.perform(get("/api/visitor").header("X-CXP-Consent", "denied"))
			.andExpect(jsonPath("$.visitorId").isEmpty())
			.andExpect(jsonPath("$.session").isEmpty())
			.andExpect(jsonPath("$.consent.state").value("DENIED"))
			.andExpect(jsonPath("$.consent.source").value("header"))
			.andExpect(jsonPath("$.consent.effective").value(false));
	}

	@Test
	void postIdentifiesTheVisitorWithoutTracking() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(post("/api/form").accept("text/html"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsString()).matches("[0-9a-f]{32}");
		assertThat(response.getCookie("_mspi").getValue()).isEqualTo(response.getContentAsString());
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void noHttpSessionIsCreated() throws Exception {
		MvcResult result = this.mvc.perform(get("/").accept("text/html")).andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Events {

		final List<PageViewEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PageViewEvent event) {
			this.received.add(event);
		}

		@Bean
		String marker() {
			return "events";
		}

	}

}
