package dev.cxp.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The endpoints follow {@code cxp.web.base-path}, and the visitor interceptor leaves them alone there, so a
 * response never carries a second visitor id cookie.
 */
@SpringBootTest(classes = CustomBasePathTests.TestApplication.class, properties = "cxp.web.base-path=/privacy")
@AutoConfigureMockMvc
class CustomBasePathTests {

	@Autowired
	MockMvc mvc;

	@Test
	void endpointsAreServedUnderTheConfiguredBasePath() throws Exception {
		this.mvc.perform(get("/privacy/consent")).andExpect(status().isOk());
		this.mvc.perform(get("/privacy/cxp.js")).andExpect(status().isOk());
		this.mvc.perform(get("/cxp/consent")).andExpect(status().isNotFound());
		this.mvc.perform(get("/cxp/cxp.js")).andExpect(status().isNotFound());
		this.mvc.perform(get("/cxp/visitor")).andExpect(status().isNotFound());
	}

	@Test
	void visitorEndpointIssuesExactlyOneVisitorId() throws Exception {
		MvcResult result = this.mvc.perform(get("/privacy/visitor")).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getHeaders("Set-Cookie")).singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("_mspi="));
	}

	@Test
	void grantIssuesExactlyOneVisitorId() throws Exception {
		MvcResult result = this.mvc
			.perform(put("/privacy/consent").contentType(MediaType.APPLICATION_JSON).content("{\"consent\":\"yes\"}"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getHeaders("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("_mspi="))
			.hasSize(1);
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
