package dev.cxp.internal.aot;

import java.lang.reflect.RecordComponent;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import dev.cxp.internal.actuate.CxpEndpoint;
import dev.cxp.internal.visitor.CookieAttributes;
import dev.cxp.internal.web.ConsentProblem;
import dev.cxp.internal.web.ConsentView;
import dev.cxp.visitor.CxpVisitorView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CxpRuntimeHints}, found as an application's AOT processing finds it.
 */
class CxpRuntimeHintsTests {

	private final RuntimeHints hints = registeredHints();

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, ClassUtils.getDefaultClassLoader()));
		return hints;
	}

	@Test
	void registrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(CxpRuntimeHints.class);
	}

	@Test
	void resourcesLoadedByNameAreIncluded() {
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/cxp/web/cxp.js")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/cxp/internal/session/redis/record-page-view.lua"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/cxp/web/other.js")).rejects(this.hints);
	}

	@Test
	void jsonRecordsCanBeSerialisedByReflection() {
		for (Class<?> type : new Class<?>[] { ConsentView.class, ConsentProblem.class, CxpVisitorView.class,
				CxpEndpoint.CxpDescriptor.class, CxpEndpoint.ConfigurationDescriptor.class, CxpEndpoint.Figures.class,
				CookieAttributes.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(type, component.getName()))
					.as(type.getName() + "." + component.getName())
					.accepts(this.hints);
			}
		}
	}

}
