package dev.cxp.hostile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A consent choice always answers: a {@link ConsentChangedEvent} listener that throws is contained and
 * counted, and an erasure the store fails is counted and reported in the event.
 */
@SpringBootTest(classes = TestSite.class)
@AutoConfigureMockMvc
@Import(ConsentListenerFailuresTests.Failing.class)
class ConsentListenerFailuresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	@Autowired
	ThrowingListener listener;

	@BeforeEach
	void clear() {
		this.listener.received.clear();
	}

	@Test
	void throwingListenerDoesNotFailAGrantAndIsCounted() throws Exception {
		double before = listenerFailures();
		MockHttpServletResponse response = this.mvc
			.perform(put("/cxp/consent").contentType(MediaType.APPLICATION_JSON).content("{\"consent\":\"granted\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("cxp_consent=1.1.analytics:g;"))
			.anyMatch((cookie) -> cookie.startsWith("_mspi="));
		assertThat(this.listener.received).singleElement().satisfies((event) -> {
			assertThat(event.newState()).isEqualTo(ConsentState.GRANTED);
			assertThat(event.serverDataErased()).isFalse();
		});
		assertThat(listenerFailures()).isEqualTo(before + 1);
	}

	@Test
	void throwingListenerDoesNotFailAWithdrawal() throws Exception {
		double before = listenerFailures();
		MockHttpServletResponse response = this.mvc
			.perform(delete("/cxp/consent").cookie(new Cookie("_mspi", "erasable-visitor")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("cxp_consent=1.1.analytics:d;"))
			.anyMatch((cookie) -> cookie.startsWith("_mspi=;"));
		assertThat(this.listener.received).singleElement().satisfies((event) -> {
			assertThat(event.visitorId()).isEqualTo("erasable-visitor");
			assertThat(event.serverDataErased()).isTrue();
		});
		assertThat(listenerFailures()).isEqualTo(before + 1);
	}

	@Test
	void failedErasureIsCountedAndReported() throws Exception {
		double before = this.registry.get("cxp.visitors.erasures.failed").functionCounter().count();
		MockHttpServletResponse response = this.mvc
			.perform(put("/cxp/consent").contentType(MediaType.APPLICATION_JSON)
				.content("{\"consent\":\"denied\"}")
				.cookie(new Cookie("_mspi", "unerasable-visitor")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("_mspi=;"));
		assertThat(this.listener.received).singleElement().satisfies((event) -> {
			assertThat(event.visitorId()).isEqualTo("unerasable-visitor");
			assertThat(event.newState()).isEqualTo(ConsentState.DENIED);
			assertThat(event.serverDataErased()).isFalse();
		});
		assertThat(this.registry.get("cxp.visitors.erasures.failed").functionCounter().count()).isEqualTo(before + 1);
	}

	@Test
	void oldConstructorReportsAnErasureForEveryDenial() {
		Instant now = Instant.parse("2026-03-01T10:00:00Z");
		assertThat(new ConsentChangedEvent("v", ConsentState.GRANTED, ConsentState.DENIED, "cookie", now)
			.serverDataErased()).isTrue();
		assertThat(new ConsentChangedEvent("v", ConsentState.DENIED, ConsentState.GRANTED, "cookie", now)
			.serverDataErased()).isFalse();
	}

	private double listenerFailures() {
		return this.registry.get("cxp.consent.listener.errors").functionCounter().count();
	}

	static class ThrowingListener {

		final List<ConsentChangedEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ConsentChangedEvent event) {
			this.received.add(event);
			throw new IllegalStateException("consent ledger unavailable");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Failing {

		@Bean
		ThrowingListener throwingListener() {
			return new ThrowingListener();
		}

		@Bean
		VisitorSessionStore storeThatCannotEraseOneVisitor() {
			InMemoryVisitorSessionStore healthy = new InMemoryVisitorSessionStore(Duration.ofMinutes(30), () -> "session",
				Clock.systemUTC(), 100, Long.MAX_VALUE);
			return new VisitorSessionStore() {

				@Override
				public TrackedPageView recordPageView(String visitorId, PageVisit visit) {
					return healthy.recordPageView(visitorId, visit);
				}

				@Override
				public @Nullable VisitSession find(String visitorId, Instant now) {
					return healthy.find(visitorId, now);
				}

				@Override
				public void remove(String visitorId) {
					if (visitorId.startsWith("unerasable")) {
						throw new IllegalStateException("store down");
					}
					healthy.remove(visitorId);
				}

				@Override
				public long size() {
					return healthy.size();
				}

			};
		}

	}

}
