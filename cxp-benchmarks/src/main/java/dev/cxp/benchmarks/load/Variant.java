package dev.cxp.benchmarks.load;

import java.util.List;

import dev.cxp.benchmarks.pages.BenchmarkPagesController;
import dev.cxp.benchmarks.session.SpringSessionVariant;

/**
 * The ways the load benchmark runs the sample app.
 */
enum Variant {

	/**
	 * The starter as the sample app configures it.
	 */
	STARTER("starter", List.of(Sources.PAGES)),

	/**
	 * The same app with the starter switched off: the baseline.
	 */
	DISABLED("disabled", List.of("--cxp.enabled=false", Sources.PAGES)),

	/**
	 * A second JVM of the baseline: how far two JVMs of the same app differ (JIT decisions, memory layout)
	 * is the noise floor of the comparison.
	 */
	DISABLED_CONTROL("disabled-again", List.of("--cxp.enabled=false", Sources.PAGES)),

	/**
	 * The starter with its visit sessions in Redis (a local {@code redis-server} the benchmark starts), as
	 * several instances would share them; run only where {@code redis-server} is installed.
	 */
	STARTER_REDIS("starter-redis", List.of("--cxp.session.store=redis", "--management.health.redis.enabled=false",
			"--spring.data.redis.host=127.0.0.1", Sources.PAGES)),

	/**
	 * The starter switched off and Spring Session doing comparable work.
	 */
	SPRING_SESSION("spring-session",
			List.of("--cxp.enabled=false", Sources.PAGES + "," + SpringSessionVariant.class.getName()));

	/**
	 * What every variant adds to the sample app: the benchmark's pages.
	 */
	private static final class Sources {

		static final String PAGES = "--spring.main.sources=" + BenchmarkPagesController.class.getName();

	}

	private final String label;

	private final List<String> arguments;

	Variant(String label, List<String> arguments) {
		this.label = label;
		this.arguments = arguments;
	}

	String label() {
		return this.label;
	}

	List<String> arguments() {
		return this.arguments;
	}

}
