package dev.cxp.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import dev.cxp.consent.ConsentChangedEvent;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.session.InMemoryVisitorSessionStore;
import dev.cxp.session.PageVisit;
import dev.cxp.session.TrackedPageView;
import dev.cxp.session.VisitSession;
import dev.cxp.session.VisitorSessionStore;
import dev.cxp.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A withdrawal whose erasure the session store fails, end to end: the cookies are still cleared and the choice
 * recorded, and the failure shows in the event ({@code serverDataErased} false), in the meters
 * ({@code cxp.visitors.erasures.failed}, {@code cxp.session.store.errors}) and in one log line that names no
 * visitor.
 */
@SpringBootTest(classes = TestSite.class)
@AutoConfigureMockMvc
@Import(ErasureFailureMockMvcTests.StoreThatCannotErase.class)
@ExtendWith(OutputCaptureExtension.class)
// The store's failure is logged at most once a minute: the test that reads the log line goes first, and the
// context is not kept for a later run of this class in the same JVM, whose line the first run would throttle
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class ErasureFailureMockMvcTests {

	private static final String VISITOR = "visitor-whose-erasure-fails";

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	@Autowired
	Events events;

	@BeforeEach
	void clear() {
		this.events.received.clear();
	}

	@Test
	@Order(1)
	void failedErasureIsReportedCountedAndLoggedWithoutTheVisitor(CapturedOutput output) throws Exception {
		MockHttpServletResponse page = this.mvc
			.perform(get("/").accept("text/html").cookie(new Cookie("_mspi", VISITOR)))
			.andReturn()
			.getResponse();
		assertThat(page.getContentAsString()).contains("visitor " + VISITOR);
		double failedErasures = count("cxp.visitors.erasures.failed");
		double storeErrors = count("cxp.session.store.errors");
		double erased = count("cxp.visitors.erased");

		MockHttpServletResponse withdrawal = this.mvc.perform(delete("/cxp/consent").cookie(new Cookie("_mspi", VISITOR)))
			.andReturn()
			.getResponse();

		assertThat(withdrawal.getStatus()).isEqualTo(200);
		assertThat(withdrawal.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("_mspi=;"))
			.anyMatch((cookie) -> cookie.startsWith("cxp_consent=1.1.analytics:d;"));
		assertThat(this.events.received).singleElement().satisfies((event) -> {
			assertThat(event.visitorId()).isEqualTo(VISITOR);
			assertThat(event.newState()).isEqualTo(ConsentState.DENIED);
			assertThat(event.serverDataErased()).isFalse();
		});
		assertThat(count("cxp.visitors.erasures.failed")).isEqualTo(failedErasures + 1);
		assertThat(count("cxp.session.store.errors")).isEqualTo(storeErrors + 1);
		assertThat(count("cxp.visitors.erased")).isEqualTo(erased + 1);
		assertThat(output.getAll().lines().filter((line) -> line.contains("Visit session store failed")))
			.singleElement()
			.asString()
			.contains("WARN")
			.contains("the request was served without tracking (java.lang.IllegalStateException)");
		assertThat(output.getAll()).doesNotContain(VISITOR);
	}

	@Test
	@Order(2)
	void failedErasureOnARefusedPageViewIsCountedAndThePageServed() throws Exception {
		double failedErasures = count("cxp.visitors.erasures.failed");
		MockHttpServletResponse page = this.mvc
			.perform(get("/").accept("text/html")
				.cookie(new Cookie("_mspi", VISITOR), new Cookie("cxp_consent", "denied")))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("visitor null");
		assertThat(page.getHeaders("Set-Cookie")).singleElement().asString().startsWith("_mspi=;");
		assertThat(count("cxp.visitors.erasures.failed")).isEqualTo(failedErasures + 1);
		assertThat(this.events.received).isEmpty();
	}

	private double count(String meter) {
		return this.registry.get(meter).functionCounter().count();
	}

	static class Events {

		final List<ConsentChangedEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ConsentChangedEvent event) {
			this.received.add(event);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StoreThatCannotErase {

		@Bean
		Events events() {
			return new Events();
		}

		@Bean
		VisitorSessionStore storeThatCannotErase() {
			InMemoryVisitorSessionStore healthy = new InMemoryVisitorSessionStore(Duration.ofMinutes(30),
					() -> "session", Clock.systemUTC(), 100, Long.MAX_VALUE);
			return new VisitorSessionStore() {

				@Override
				public @Nullable TrackedPageView recordPageView(String visitorId, PageVisit visit) {
					return healthy.recordPageView(visitorId, visit);
				}

				@Override
				public @Nullable VisitSession find(String visitorId, Instant now) {
					return healthy.find(visitorId, now);
				}

				@Override
				public void remove(String visitorId) {
					throw new IllegalStateException("store down for " + visitorId);
				}

				@Override
				public void erase(List<String> visitorIds, Instant erasedAt) {
					throw new IllegalStateException("store down for " + visitorIds);
				}

				@Override
				public long size() {
					return healthy.size();
				}

			};
		}

	}

}
