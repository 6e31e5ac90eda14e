package dev.cxp.session;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page a session records (SPEC S3.3) over MockMvc, with a context path and path parameters.
 */
@SpringBootTest(classes = { TestSite.class, PageRecorder.class })
@AutoConfigureMockMvc
class RecordedPageMockMvcTests {

	private static final String HTML = "text/html,application/xhtml+xml";

	@Autowired
	MockMvc mvc;

	@Autowired
	PageRecorder recorder;

	@BeforeEach
	void clear() {
		this.recorder.pages.clear();
	}

	@Test
	void pathParametersAndContextPathAreNotRecorded() throws Exception {
		this.mvc.perform(get("/shop/about;jsessionid=ABC").contextPath("/shop").header("Accept", HTML))
			.andExpect(status().isOk());
		this.mvc.perform(get("/shop/private;jsessionid=ABC/page").contextPath("/shop").header("Accept", HTML))
			.andExpect(status().isOk());
		assertThat(this.recorder.pages).containsExactly("/about", "/private/page");
	}

}
