package dev.cxp.internal.consent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Mono;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ReactiveConsentResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsentResolution}: what {@code /actuator/cxp} shows of the resolver in use, and the start-up
 * warning that names, in the terms of the application's web stack, what a replacing resolver no longer consults.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsentResolutionTests {

	private static final ConsentPurposes PURPOSES = ConsentPurposes.of(List.of("analytics"), "analytics");

	private final ConsentChain chain = new ConsentChain(
			List.of(List.of(source("header")), List.of(source("cookie"), source("onetrust"))), PURPOSES);

	@Test
	void theStartersChainShowsItsSourcesAndWarnsOfNothing(CapturedOutput output) {
		ConsentResolution resolution = ConsentResolution.of(this.chain, this.chain, true);
		assertThat(resolution.resolver()).isEqualTo(ConsentChain.class.getName());
		assertThat(resolution.sources()).containsExactly("header", "cookie", "onetrust");
		assertThat(resolution.replaced()).isEmpty();
		assertThat(output).doesNotContain("replaces the starter's sources");
	}

	@Test
	void aServletResolverIsNamedAsOne(CapturedOutput output) {
		ConsentResolver site = (request) -> ConsentDecision.unspecified();
		ConsentResolution resolution = ConsentResolution.of(site, this.chain, false);
		assertThat(resolution.sources()).isEmpty();
		assertThat(resolution.replaced()).containsExactly("header", "cookie", "onetrust");
		assertThat(output).contains("The application's ConsentResolver (" + site.getClass().getName() + ")")
			.contains("no longer consults: header, cookie, onetrust.");
	}

	@Test
	void aReactiveResolverIsNamedAsOne(CapturedOutput output) {
		ReactiveConsentResolver site = (exchange) -> Mono.just(ConsentDecision.unspecified());
		ConsentResolution resolution = ConsentResolution.of(site, this.chain, false);
		assertThat(resolution.resolver()).isEqualTo(site.getClass().getName());
		assertThat(output).contains("The application's ReactiveConsentResolver (" + site.getClass().getName() + ")")
			.contains("no longer consults: header, cookie, onetrust.");
	}

	private static ConsentSource source(String name) {
		return ConsentFixtures.source(name, Map.of());
	}

}
