package dev.cxp.benchmarks.load;

import java.util.List;

import dev.cxp.benchmarks.handwritten.HandWrittenVisitorVariant;
import dev.cxp.benchmarks.session.SpringSessionVariant;

/**
 * The JVMs of the load comparison, each the user-shaped application started with its own arguments, in the
 * order they are started and compared.
 */
enum Variant {

	/**
	 * The starter switched off: what every other variant is compared with.
	 */
	DISABLED("disabled", "--cxp.enabled=false"),

	/**
	 * A second JVM of the baseline: how far two JVMs of identical code differ is the noise floor of every
	 * CPU difference.
	 */
	DISABLED_AGAIN("disabled-again", "--cxp.enabled=false"),

	/**
	 * The starter on, with its default settings.
	 */
	STARTER("starter"),

	/**
	 * The starter off and Spring Session doing comparable work.
	 */
	SPRING_SESSION("spring-session", "--cxp.enabled=false",
			"--spring.main.sources=" + SpringSessionVariant.class.getName()),

	/**
	 * The starter off and a hand-written cookie plus map: the practical limit.
	 */
	HAND_WRITTEN("hand-written", "--cxp.enabled=false",
			"--spring.main.sources=" + HandWrittenVisitorVariant.class.getName());

	private final String label;

	private final List<String> arguments;

	Variant(String label, String... arguments) {
		this.label = label;
		this.arguments = List.of(arguments);
	}

	String label() {
		return this.label;
	}

	List<String> arguments() {
		return this.arguments;
	}

	boolean starterOn() {
		return this == STARTER;
	}

}
