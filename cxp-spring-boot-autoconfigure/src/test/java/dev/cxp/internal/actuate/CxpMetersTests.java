package dev.cxp.internal.actuate;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.cxp.autoconfigure.CxpAutoConfiguration;
import dev.cxp.autoconfigure.CxpMetricsAutoConfiguration;
import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.internal.visitor.VisitorRequestPath;
import dev.cxp.internal.web.servlet.TestExchanges;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpMeters}, through the request path with a {@link SimpleMeterRegistry}.
 */
class CxpMetersTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, MetricsAutoConfiguration.class,
				CxpAutoConfiguration.class, CxpMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new);

	private static final Set<String> DOCUMENTED_TAG_KEYS = Set.of("state", "source", "effective");

	private static void request(AssertableWebApplicationContext context, boolean pageView, String... headersThenCookies) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		for (String entry : headersThenCookies) {
			String[] nameValue = entry.split("=", 2);
			if (entry.startsWith("cookie:")) {
				String[] cookie = entry.substring("cookie:".length()).split("=", 2);
				Cookie[] existing = request.getCookies();
				Cookie[] cookies = (existing != null) ? java.util.Arrays.copyOf(existing, existing.length + 1)
						: new Cookie[1];
				cookies[cookies.length - 1] = new Cookie(cookie[0], cookie[1]);
				request.setCookies(cookies);
			}
			else {
				request.addHeader(nameValue[0], nameValue[1]);
			}
		}
		TestExchanges.process(context.getBean(VisitorRequestPath.class), request, new MockHttpServletResponse(), pageView);
	}

	private static double decisions(MeterRegistry registry, String state, String source, boolean effective) {
		return registry.get("cxp.consent.decisions")
			.tag("state", state)
			.tag("source", source)
			.tag("effective", String.valueOf(effective))
			.functionCounter()
			.count();
	}

	private static double count(MeterRegistry registry, String name) {
		return registry.get(name).functionCounter().count();
	}

	@Test
	void eachDecisionPathCountsUnderItsTags() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			request(context, false);
			request(context, false, "X-CXP-Consent=yes");
			request(context, false, "X-CXP-Consent=no");
			request(context, false, "cookie:cxp_consent=granted");
			request(context, false, "cookie:cxp_consent=denied");
			request(context, false, "cookie:cxp_consent=denied");
			request(context, false, "Sec-GPC=1");
			assertThat(decisions(registry, "unspecified", "none", true)).isEqualTo(1);
			assertThat(decisions(registry, "granted", "header", true)).isEqualTo(1);
			assertThat(decisions(registry, "denied", "header", false)).isEqualTo(1);
			assertThat(decisions(registry, "granted", "cookie", true)).isEqualTo(1);
			assertThat(decisions(registry, "denied", "cookie", false)).isEqualTo(2);
			assertThat(decisions(registry, "denied", "gpc", false)).isEqualTo(1);
			assertThat(registry.find("cxp.consent.decisions").functionCounters().stream().mapToDouble((c) -> c.count()).sum())
				.isEqualTo(7);
		});
	}

	@Test
	void requiredPolicyMakesUnspecifiedIneffective() {
		this.contextRunner.withPropertyValues("cxp.consent.required=true").run((context) -> {
			request(context, false);
			assertThat(decisions(context.getBean(MeterRegistry.class), "unspecified", "none", false)).isEqualTo(1);
		});
	}

	@Test
	void customAndFailingResolversAreTaggedWithoutFreeText() {
		this.contextRunner
			.withBean(ConsentResolver.class, () -> (request) -> {
				if (request.getHeader("boom") != null) {
					throw new IllegalStateException("boom");
				}
				return ConsentDecision.granted("visitor-" + request.getHeader("id"));
			})
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				request(context, false, "id=1");
				request(context, false, "id=2");
				request(context, false, "boom=1");
				assertThat(decisions(registry, "granted", "other", true)).isEqualTo(2);
				assertThat(decisions(registry, "denied", "error", false)).isEqualTo(1);
				assertThat(registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags())
					.extracting(Tag::getValue)
					.noneMatch((value) -> value.startsWith("visitor-")));
			});
	}

	@Test
	void visitorsCreatedInvalidAndErasedAreCounted() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			request(context, false);
			request(context, false, "cookie:_mspi=valid-id");
			request(context, false, "cookie:_mspi=in valid");
			request(context, false, "X-CXP-Consent=denied", "cookie:_mspi=valid-id");
			request(context, false, "X-CXP-Consent=denied");
			assertThat(count(registry, "cxp.visitors.created")).isEqualTo(2);
			assertThat(count(registry, "cxp.visitors.invalid")).isEqualTo(1);
			assertThat(count(registry, "cxp.visitors.erased")).isEqualTo(1);
		});
	}

	@Test
	void erasedCountsOncePerResponseEvenWithADomainVariant() {
		this.contextRunner.withPropertyValues("cxp.visitor.domain=example.test").run((context) -> {
			request(context, false, "Sec-GPC=1", "cookie:_mspi=a", "cookie:_mspi=b");
			assertThat(count(context.getBean(MeterRegistry.class), "cxp.visitors.erased")).isEqualTo(1);
		});
	}

	@Test
	void sessionsPageViewsAndTheActiveGaugeFollowTheStore() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			request(context, true, "cookie:_mspi=visitor-a");
			request(context, true, "cookie:_mspi=visitor-a");
			request(context, true, "cookie:_mspi=visitor-b");
			request(context, false, "cookie:_mspi=visitor-c");
			assertThat(count(registry, "cxp.sessions.started")).isEqualTo(2);
			assertThat(count(registry, "cxp.page.views")).isEqualTo(3);
			assertThat(registry.get("cxp.sessions.active").gauge().value()).isEqualTo(2);
			request(context, false, "X-CXP-Consent=denied", "cookie:_mspi=visitor-a");
			VisitorSessionStore store = context.getBean(VisitorSessionStore.class);
			assertThat(store.find("visitor-a", Instant.now())).isNull();
			// The erased session's entry now holds only the marker of the erasure, counted until it expires
			assertThat(registry.get("cxp.sessions.active").gauge().value()).isEqualTo(2);
			assertThat(store.size()).isEqualTo(2);
		});
	}

	@Test
	void noMeterHasATagKeyOutsideTheDocumentedSet() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			request(context, true, "cookie:_mspi=visitor-a");
			Set<String> names = registry.getMeters().stream().map((meter) -> meter.getId().getName())
				.collect(Collectors.toSet());
			assertThat(names).contains("cxp.consent.decisions", "cxp.visitors.created", "cxp.visitors.erased",
					"cxp.visitors.invalid", "cxp.sessions.started", "cxp.sessions.active", "cxp.page.views",
					"cxp.consent.changes", "cxp.session.store.errors");
			for (Meter meter : registry.getMeters()) {
				assertThat(meter.getId().getTags()).extracting(Tag::getKey).allMatch(DOCUMENTED_TAG_KEYS::contains);
			}
		});
	}

	@Test
	void noMetersWithoutARegistryOrWhenDisabled() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CxpAutoConfiguration.class, CxpMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CxpMeters.class));
		this.contextRunner.withPropertyValues("cxp.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CxpMeters.class);
			assertThat(context.getBean(MeterRegistry.class).find("cxp.consent.decisions").functionCounters()).isEmpty();
		});
	}

}
