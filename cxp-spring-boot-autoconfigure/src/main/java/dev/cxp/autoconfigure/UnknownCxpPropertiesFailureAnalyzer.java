package dev.cxp.autoconfigure;

import java.util.List;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a {@code cxp.*} property that does not exist, such as {@code cxp.consent.requried}: a typo must never
 * leave a privacy setting silently at its default. Names each unknown property, where it was set, and the valid
 * property nearest to it. Never shows a value: it may be a secret, such as a signing key.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownCxpPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		List<ConfigurationProperty> unknown = cause.getUnboundProperties()
			.stream()
			.filter((property) -> property.getName().toString().startsWith("cxp."))
			.sorted()
			.toList();
		if (unknown.isEmpty()) {
			return null;
		}
		CxpPropertyNames names = CxpPropertyNames.of();
		StringBuilder description = new StringBuilder("The starter has no such property:\n");
		for (ConfigurationProperty property : unknown) {
			String name = property.getName().toString();
			description.append("\n    ").append(name);
			if (property.getOrigin() != null) {
				description.append(" (").append(property.getOrigin()).append(")");
			}
			String nearest = names.nearest(name);
			if (nearest != null) {
				description.append("\n        did you mean ").append(nearest).append("?");
			}
		}
		description.append("\n\nThe application does not start, so that a misspelt setting never leaves a privacy "
				+ "setting at its default.");
		return new FailureAnalysis(description.toString(),
				"Correct the name of each property listed, or remove it. Every cxp.* property is listed, with its "
						+ "default, in the starter's docs/configuration.md.",
				cause);
	}

}
