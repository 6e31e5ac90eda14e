package dev.cxp.internal.actuate;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cxp.autoconfigure.CxpAutoConfiguration;
import dev.cxp.autoconfigure.CxpConsentStringsAutoConfiguration;
import dev.cxp.autoconfigure.CxpMetricsAutoConfiguration;
import dev.cxp.internal.cmp.CmpConsentReader;
import dev.cxp.internal.cmp.CmpReading;
import dev.cxp.internal.cmp.GppSettings;
import dev.cxp.internal.cmp.IabConsentStringDecoder;
import dev.cxp.internal.cmp.TcfSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsentStringMeters}.
 */
class ConsentStringMetersTests {

	@Test
	void countsInvalidStringsByKind() {
		CmpConsentReader reader = new CmpConsentReader(new IabConsentStringDecoder(),
				new TcfSettings("euconsent-v2", Map.of("analytics", List.of(1)), false),
				new GppSettings("__gpp", "__gpp_sid", List.of()));
		MeterRegistry registry = new SimpleMeterRegistry();
		new ConsentStringMeters(reader).bindTo(registry);
		CmpReading.read(reader, new Cookie[] { new Cookie("euconsent-v2", "junk") });
		CmpReading.read(reader, new Cookie[] { new Cookie("euconsent-v2", "junk"), new Cookie("__gpp", "junk") });
		assertThat(invalid(registry, "tcf")).isEqualTo(2);
		assertThat(invalid(registry, "gpp")).isEqualTo(1);
		assertThat(registry.find("cxp.consent.strings.invalid").meters()).hasSize(2);
	}

	@Test
	void isRegisteredWhenMetricsAreThere() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, CxpAutoConfiguration.class,
							CxpConsentStringsAutoConfiguration.class, CxpMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("cxp.consent.gpp.enabled=true")
			.run((context) -> {
				CmpReading.read(context.getBean(CmpConsentReader.class), new Cookie[] { new Cookie("__gpp", "DB~junk") });
				assertThat(invalid(context.getBean(MeterRegistry.class), "gpp")).isEqualTo(1);
			});
	}

	private static double invalid(MeterRegistry registry, String kind) {
		return registry.get("cxp.consent.strings.invalid").tag("kind", kind).functionCounter().count();
	}

}
