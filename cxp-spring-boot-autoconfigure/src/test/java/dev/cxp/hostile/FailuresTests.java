package dev.cxp.hostile;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import dev.cxp.consent.ConsentResolver;
import dev.cxp.internal.consent.ConsentFixtures;
import dev.cxp.internal.consent.ConsentPolicy;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A failing resolver or store never fails the request: the resolver fails closed, the store is skipped,
 * and both are counted.
 */
@SpringBootTest(classes = TestSite.class)
@AutoConfigureMockMvc
@Import(FailuresTests.Failing.class)
class FailuresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	@Test
	void throwingResolverFailsClosedAndIsCounted() throws Exception {
		double before = decisions("denied", "error", false);
		MockHttpServletResponse response = this.mvc
			.perform(get("/").accept("text/html").header("X-Resolver", "throw").cookie(new Cookie("_mspi", "known-visitor")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("visitor null");
		assertThat(response.getHeaders("Set-Cookie")).singleElement().asString().startsWith("_mspi=;");
		assertThat(decisions("denied", "error", false)).isEqualTo(before + 1);
	}

	@Test
	void throwingStoreServesThePageUntrackedAndIsCounted() throws Exception {
		double before = this.registry.get("cxp.session.store.errors").functionCounter().count();
		MockHttpServletResponse page = this.mvc
			.perform(get("/").accept("text/html").cookie(new Cookie("_mspi", "broken-visitor")))
			.andReturn()
			.getResponse();
		MockHttpServletResponse api = this.mvc
			.perform(get("/api/visitor").cookie(new Cookie("_mspi", "broken-visitor")))
			.andReturn()
			.getResponse();
		MockHttpServletResponse denied = this.mvc
			.perform(get("/").accept("text/html").cookie(new Cookie("_mspi", "broken-visitor"),
					new Cookie("cxp_consent", "denied")))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("visitor broken-visitor");
		assertThat(api.getStatus()).isEqualTo(200);
		assertThat(api.getContentAsString()).contains("\"session\":null");
		assertThat(denied.getStatus()).isEqualTo(200);
		assertThat(denied.getHeaders("Set-Cookie")).singleElement().asString().startsWith("_mspi=;");
		assertThat(this.registry.get("cxp.session.store.errors").functionCounter().count()).isEqualTo(before + 3);
	}

	@Test
	void healthyVisitorsAreUnaffected() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/visitor").cookie(new Cookie("_mspi", "healthy-visitor")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("\"visitorId\":\"healthy-visitor\"");
	}

	private double decisions(String state, String source, boolean effective) {
		return this.registry.get("cxp.consent.decisions")
			.tag("state", state)
			.tag("source", source)
			.tag("effective", String.valueOf(effective))
			.functionCounter()
			.count();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Failing {

		@Bean
		ConsentResolver throwingOnRequestResolver() {
			ConsentPolicy standard = ConsentFixtures.defaultPolicy();
			return (request) -> {
				if (request.getHeader("X-Resolver") != null) {
					throw new IllegalStateException("resolver broke");
				}
				return ConsentFixtures.decide(standard, request);
			};
		}

		@Bean
		VisitorSessionStore partlyBrokenStore() {
			InMemoryVisitorSessionStore healthy = new InMemoryVisitorSessionStore(java.time.Duration.ofMinutes(30),
					() -> "session", java.time.Clock.systemUTC(), 100, Long.MAX_VALUE);
			return new VisitorSessionStore() {

				@Override
				public TrackedPageView recordPageView(String visitorId, PageVisit visit) {
					failFor(visitorId);
					return healthy.recordPageView(visitorId, visit);
				}

				@Override
				public @Nullable VisitSession find(String visitorId, Instant now) {
					failFor(visitorId);
					return healthy.find(visitorId, now);
				}

				@Override
				public void remove(String visitorId) {
					failFor(visitorId);
					healthy.remove(visitorId);
				}

				@Override
				public long size() {
					return healthy.size();
				}

				private void failFor(String visitorId) {
					if (visitorId.startsWith("broken")) {
						throw new IllegalStateException("store down");
					}
				}

			};
		}

	}

}
