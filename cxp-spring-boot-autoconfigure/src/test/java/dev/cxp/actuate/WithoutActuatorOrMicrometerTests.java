package dev.cxp.actuate;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.cxp.autoconfigure.CxpAutoConfiguration;
import dev.cxp.autoconfigure.CxpEndpointAutoConfiguration;
import dev.cxp.autoconfigure.CxpMetricsAutoConfiguration;
import dev.cxp.autoconfigure.CxpVisitorArgumentAutoConfiguration;
import dev.cxp.internal.actuate.CxpEndpoint;
import dev.cxp.internal.actuate.CxpMeters;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The starter without Actuator and Micrometer on the classpath.
 */
class WithoutActuatorOrMicrometerTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withClassLoader(new FilteredClassLoader("io.micrometer", "org.springframework.boot.actuate",
				"org.springframework.boot.micrometer"))
		// As in an application: auto-configurations are imported through the import filter, which reads their
		// class conditions from metadata before loading them, so an Actuator-only condition is never loaded
		.withUserConfiguration(StarterOnly.class, TestSite.Pages.class)
		.withPropertyValues("management.endpoints.web.exposure.include=*");

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@org.springframework.boot.autoconfigure.ImportAutoConfiguration({ WebMvcAutoConfiguration.class,
			CxpAutoConfiguration.class, CxpVisitorArgumentAutoConfiguration.class, CxpMetricsAutoConfiguration.class,
			CxpEndpointAutoConfiguration.class })
	static class StarterOnly {

	}

	@Test
	void startsAndServesCookies() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(CxpMeters.class);
			assertThat(context).doesNotHaveBean(CxpEndpoint.class);
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			MockHttpServletResponse first = mvc.perform(get("/").accept("text/html")).andReturn().getResponse();
			assertThat(first.getStatus()).isEqualTo(200);
			String cookie = first.getHeader("Set-Cookie");
			assertThat(cookie).matches("_mspi=[0-9a-f]{32}; Path=/; Max-Age=31536000; .*SameSite=Lax");
			String id = cookie.substring(6, 38);
			MockHttpServletResponse denied = mvc
				.perform(get("/").accept("text/html").cookie(new Cookie("_mspi", id), new Cookie("cxp_consent", "denied")))
				.andReturn()
				.getResponse();
			assertThat(denied.getHeader("Set-Cookie")).startsWith("_mspi=;").contains("Max-Age=0");
		});
	}

}
