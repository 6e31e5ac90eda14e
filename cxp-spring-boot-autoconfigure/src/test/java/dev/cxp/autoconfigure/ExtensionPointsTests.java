package dev.cxp.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.cxp.consent.ConsentResolver;
import dev.cxp.consent.cmp.ConsentStringDecoder;
import dev.cxp.consent.ledger.ConsentLedger;
import dev.cxp.internal.actuate.CxpEndpoint;
import dev.cxp.session.VisitorSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the extension points back off for an application's bean: the plumbing of the starter is not replaceable,
 * so that what an application may rely on stays small.
 */
class ExtensionPointsTests {

	private static final Set<Class<?>> EXTENSION_POINTS = Set.of(ConsentResolver.class, VisitorSessionStore.class,
			ConsentLedger.class, ConsentStringDecoder.class, CxpEndpoint.class);

	private static final List<Class<?>> AUTO_CONFIGURATIONS = List.of(CxpAutoConfiguration.class,
			CxpWebAutoConfiguration.class, CxpVisitorArgumentAutoConfiguration.class,
			CxpRedisSessionStoreAutoConfiguration.class, CxpConsentStringsAutoConfiguration.class,
			CxpConsentLedgerAutoConfiguration.class, CxpMetricsAutoConfiguration.class,
			CxpEndpointAutoConfiguration.class);

	@Test
	void onlyExtensionPointsBackOff() {
		List<String> backingOff = new ArrayList<>();
		for (Class<?> configuration : AUTO_CONFIGURATIONS) {
			collect(configuration, backingOff);
		}
		assertThat(backingOff).isNotEmpty().allSatisfy((bean) -> assertThat(EXTENSION_POINTS.stream()
			.anyMatch((type) -> bean.endsWith(" " + type.getSimpleName()))).as(bean).isTrue());
	}

	private static void collect(Class<?> configuration, List<String> backingOff) {
		for (Method method : configuration.getDeclaredMethods()) {
			ConditionalOnMissingBean condition = method.getAnnotation(ConditionalOnMissingBean.class);
			if (method.isAnnotationPresent(Bean.class) && condition != null) {
				// The type that backs off: the condition's own, else the bean's
				Class<?> type = (condition.value().length > 0) ? condition.value()[0] : method.getReturnType();
				Class<?> extension = EXTENSION_POINTS.stream().filter((point) -> point.isAssignableFrom(type))
					.findFirst().orElse(type);
				backingOff.add(configuration.getSimpleName() + "." + method.getName() + " " + extension.getSimpleName());
			}
		}
		for (Class<?> nested : configuration.getDeclaredClasses()) {
			collect(nested, backingOff);
		}
		Import imported = configuration.getAnnotation(Import.class);
		if (imported != null) {
			for (Class<?> importedConfiguration : imported.value()) {
				collect(importedConfiguration, backingOff);
			}
		}
	}

}
