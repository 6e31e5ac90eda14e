package dev.cxp.session;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cxp.testsite.RawHttp;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page a session records (SPEC S3.3) over a real server, in an application with a context path: the path
 * within the application, without the path parameters (such as {@code ;jsessionid}) that the servlet container
 * keeps in the request URI.
 */
@SpringBootTest(classes = { TestSite.class, PageRecorder.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.servlet.context-path=/shop")
class RecordedPageServerTests {

	private static final String HTML = "text/html,application/xhtml+xml";

	@LocalServerPort
	int port;

	@Autowired
	PageRecorder recorder;

	@BeforeEach
	void clear() {
		this.recorder.pages.clear();
	}

	@Test
	void sessionIdOnTheLastSegmentIsNotRecorded() {
		assertThat(new RawHttp(this.port).get("/shop/about;jsessionid=ABC", "Accept", HTML).statusCode())
			.isEqualTo(200);
		assertThat(this.recorder.pages).containsExactly("/about");
	}

	@Test
	void parametersOnAMiddleSegmentAndTheContextPathAreNotRecorded() {
		assertThat(new RawHttp(this.port).get("/shop;v=1/private;jsessionid=ABC/page?q=x", "Accept", HTML)
			.statusCode()).isEqualTo(200);
		assertThat(this.recorder.pages).containsExactly("/private/page");
	}

}
